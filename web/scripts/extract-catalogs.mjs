// npm run i18n:extract: `lingui extract --clean`, then two fix-ups that keep one translation per
// message across the three catalogues of a language (lingui.config.ts): messages.po (every
// applicant page but the competition pages, loaded first), competitions.po (loaded with the
// competition pages and the staff pages) and staff.po (only the staff pages load it).
// - A message in several stays in the first of FILES only: every page that loads a later one has
//   the earlier ones already.
// - A message that moved from one catalogue to another keeps the translation it had.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const locales = join(root, 'src/locales');
export const FILES = ['messages.po', 'competitions.po', 'staff.po'];

/** A .po text as its entries (blank-line separated), each with its msgid and msgstr. */
export function parsePo(text) {
  return text
    .trim()
    .split(/\n\n+/)
    .map((block) => {
      const field = (name) => {
        const m = block.match(new RegExp(`^${name} ((?:".*"\\n?)+)`, 'm'));
        return m
          ? m[1]
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line))
              .join('')
          : null;
      };
      return { block, id: field('msgid'), str: field('msgstr') };
    });
}

const read = (locale, file) => {
  try {
    return readFileSync(join(locales, locale, file), 'utf8');
  } catch {
    return '';
  }
};

export function extractCatalogs() {
  const known = {}; // locale → msgid → translation, from both files as they were
  for (const locale of readdirSync(locales)) {
    known[locale] = new Map();
    for (const file of FILES) {
      for (const e of parsePo(read(locale, file)))
        if (e.id && e.str) known[locale].set(e.id, e.str);
    }
  }
  execFileSync(join(root, 'node_modules/.bin/lingui'), ['extract', '--clean'], {
    cwd: root,
    stdio: 'ignore',
  });
  for (const locale of readdirSync(locales)) {
    const earlier = new Set();
    for (const file of FILES) {
      const entries = parsePo(read(locale, file)).filter((e) => !e.id || !earlier.has(e.id));
      for (const e of entries) if (e.id) earlier.add(e.id);
      const blocks = entries.map(({ block, id, str }) =>
        id && !str && known[locale].has(id)
          ? block.replace(
              /^msgstr (?:".*"\n?)+/m,
              `msgstr ${JSON.stringify(known[locale].get(id))}`,
            )
          : block,
      );
      writeFileSync(join(locales, locale, file), `${blocks.join('\n\n')}\n`);
    }
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) extractCatalogs();
