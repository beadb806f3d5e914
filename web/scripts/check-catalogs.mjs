// Fails when a message of the code is missing from the catalogues or untranslated in a language:
// extracts again (the committed .po files must not change) and reads every msgstr of both
// catalogues of every language (FILES in scripts/extract-catalogs.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractCatalogs, FILES, parsePo } from './extract-catalogs.mjs';

const root = new URL('..', import.meta.url).pathname;
const locales = join(root, 'src/locales');
const read = (locale, file) => readFileSync(join(locales, locale, file), 'utf8');
const before = Object.fromEntries(
  readdirSync(locales).flatMap((l) => FILES.map((f) => [`${l}/${f}`, read(l, f)])),
);
extractCatalogs();
const problems = [];
for (const locale of readdirSync(locales)) {
  for (const file of FILES) {
    const text = read(locale, file);
    if (text !== before[`${locale}/${file}`]) {
      problems.push(
        `${locale}/${file}: the catalogue was out of date with the code (now re-extracted: translate and commit it)`,
      );
    }
    if (locale === 'en') continue;
    for (const { id, str } of parsePo(text)) {
      if (id && str !== null && str.trim() === '')
        problems.push(`${locale}/${file}: missing translation of ${JSON.stringify(id)}`);
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`catalogues complete: ${readdirSync(locales).length} languages`);
