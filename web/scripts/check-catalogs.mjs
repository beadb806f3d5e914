// Fails when a message of the code is missing from the catalogues or untranslated in a language:
// extracts again (the committed .po files must not change) and reads every msgstr.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const locales = join(root, 'src/locales');
const before = Object.fromEntries(
  readdirSync(locales).map((l) => [l, readFileSync(join(locales, l, 'messages.po'), 'utf8')]),
);
execFileSync(join(root, 'node_modules/.bin/lingui'), ['extract', '--clean'], {
  cwd: root,
  stdio: 'ignore',
});
const problems = [];
for (const locale of readdirSync(locales)) {
  const text = readFileSync(join(locales, locale, 'messages.po'), 'utf8');
  if (text !== before[locale]) {
    problems.push(
      `${locale}: the catalogue was out of date with the code (now re-extracted: translate and commit it)`,
    );
  }
  if (locale === 'en') continue;
  // Each entry: msgid "..." (maybe multi-line) then msgstr "..." (maybe multi-line).
  for (const entry of text.split(/\n\n+/)) {
    const id = entry.match(/msgid ((?:".*"\n?)+)/);
    const str = entry.match(/msgstr ((?:".*"\n?)+)/);
    if (!id || !str) continue;
    const join_ = (s) =>
      s
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .join('');
    if (join_(id[1]) === '') continue;
    if (join_(str[1]).trim() === '')
      problems.push(`${locale}: missing translation of ${JSON.stringify(join_(id[1]))}`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`catalogues complete: ${readdirSync(locales).length} languages`);
