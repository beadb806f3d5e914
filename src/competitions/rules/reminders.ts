/** Hours before their deadline at which teams with an unsubmitted draft are reminded. */
export const REMINDER_HOURS = [72, 24] as const;
