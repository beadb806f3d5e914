import { en } from './en';
import { ko } from './ko';
import type { Rendered, TemplateFn } from './types';

const BY_LOCALE: Record<string, Record<string, TemplateFn>> = { en, ko };

export const NOTIFICATION_TYPES = Object.keys(en);

/**
 * Payload keys that may hold someone else's name: the pen pal, the inviter, the participant...
 * and a team's name (a team of one takes its founder's name).
 */
export const NAMING_KEYS: readonly string[] = [
  'name',
  'penpalName',
  'inviterName',
  'actorName',
  'participantName',
  'teamName',
];

/** The types whose in-app text names someone other than the recipient, through those keys. */
export const TYPES_NAMING_OTHERS: readonly string[] = [
  'guardian.consent_requested',
  'penpal.matched',
  'penpal.connected',
  'team.invitation',
  'submission.withdrawn',
];

/** Renders in the recipient's language where a template exists, else in English. */
export function render(type: string, locale: string, payload: Record<string, unknown>): Rendered {
  const language = locale.toLowerCase().split('-')[0];
  const template = BY_LOCALE[language]?.[type] ?? en[type];
  if (!template) throw new Error(`No template for notification type "${type}"`);
  return template(payload);
}

export type { Rendered };
