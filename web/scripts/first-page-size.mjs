// After compress.mjs: the compressed JavaScript of the first page in every language, printed, and
// the build fails when one reaches the limit (issue 11: under 100 kB). A first page carries the
// scripts inline in index.html (brotli, as the page travels), the entry's small re-export file
// that index.html preloads, and its language's catalogue chunk (messages.po), which the inline
// language script of index.html picks (scripts/locale-preload.ts). bench:web prints this table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const LIMIT = 100 * 1024;
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => m[1])
  .join('\n');
const inlineBytes = brotliCompressSync(inline, {
  params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
}).length;
const preloaded = [...html.matchAll(/<link rel="modulepreload" href="(\/assets\/[^"]+\.js)">/g)]
  .map((m) => readFileSync(join(dir, `${m[1]}.br`)).length)
  .reduce((a, b) => a + b, 0);
const catalogues = /var c=(\{[^}]*\})/.exec(html);
if (!catalogues) throw new Error('first-page-size: index.html has no table of catalogue chunks');
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = Object.entries(JSON.parse(catalogues[1])).map(([locale, file]) => {
  const catalogue = readFileSync(join(dir, `${file}.br`)).length;
  return { locale, catalogue, total: inlineBytes + preloaded + catalogue };
});
rows.sort((a, b) => b.total - a.total);
console.log(
  `first page's JavaScript, brotli (inline ${kB(inlineBytes)} + preloaded ${kB(preloaded)} + catalogue; limit ${kB(LIMIT)}):`,
);
console.log(
  rows
    .map((r) => `  ${r.locale.padEnd(3)} ${kB(r.total)} (catalogue ${kB(r.catalogue)})`)
    .join('\n'),
);
const over = rows.filter((r) => r.total >= LIMIT);
if (over.length) {
  console.error(`first-page-size: over ${kB(LIMIT)} in ${over.map((r) => r.locale).join(', ')}`);
  process.exit(1);
}
