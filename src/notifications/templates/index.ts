import { en } from './en';
import { ko } from './ko';
import type { Rendered, TemplateFn } from './types';

const BY_LOCALE: Record<string, Record<string, TemplateFn>> = { en, ko };

export const NOTIFICATION_TYPES = Object.keys(en);

/** Renders in the recipient's language where a template exists, else in English. */
export function render(type: string, locale: string, payload: Record<string, unknown>): Rendered {
  const language = locale.toLowerCase().split('-')[0];
  const template = BY_LOCALE[language]?.[type] ?? en[type];
  if (!template) throw new Error(`No template for notification type "${type}"`);
  return template(payload);
}

export type { Rendered };
