import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

/** Every language of the web app; `en` is the source. Emails use the same codes (API `locale`). */
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'ko', 'id', 'ms', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh'],
  catalogs: [{ path: '<rootDir>/src/locales/{locale}/messages', include: ['<rootDir>/src'] }],
  // No file:line origins: a catalogue changes only when a message does.
  format: formatter({ origins: false }),
  orderBy: 'messageId',
});
