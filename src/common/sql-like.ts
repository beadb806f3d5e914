/** An ILIKE pattern for "contains": the LIKE wildcards a person types are matched as themselves. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
