/**
 * One owner per table (issue 15): raw SQL in a feature folder may name only that feature's
 * tables; another feature's rows come through the owner's row functions or its derived tables
 * (competitions/entry-sql.ts, identity/people-sql.ts, programmes/programme-sql.ts).
 *
 *   ts-node scripts/table-owners.ts            check src/; violations not in the known list fail
 *   ts-node scripts/table-owners.ts baseline   rewrite the known list (only after removing some)
 *
 * A table's owner is the top folder under src/ whose entity declares it (@Entity('name')). A
 * violation is FROM, JOIN, UPDATE or INTO followed by another folder's table in a .ts file (unit
 * specs aside). Before checking src/, it proves it catches the deliberate violation in
 * test/architecture/table-owners-fixture, so a check that stopped matching cannot pass silently.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ENTITY = /@Entity\(\s*'([a-z_][a-z0-9_]*)'/g;
const SQL_TABLE = /\b(?:FROM|JOIN|UPDATE|INTO)\s+"?([a-z_][a-z0-9_]*)"?/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return tsFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `file: table (owned by folder)` for every foreign table named in raw SQL under `root`/src. */
export function violations(root: string): string[] {
  const src = join(root, 'src');
  const files = tsFiles(src).map((path) => ({
    name: relative(root, path).split(sep).join('/'),
    folder: relative(src, path).split(sep)[0],
    text: readFileSync(path, 'utf8'),
  }));
  const owner = new Map<string, string>();
  for (const f of files) for (const m of f.text.matchAll(ENTITY)) owner.set(m[1], f.folder);
  const found = new Set<string>();
  for (const f of files) {
    for (const m of f.text.matchAll(SQL_TABLE)) {
      const by = owner.get(m[1]);
      if (by && by !== f.folder) found.add(`${f.name}: ${m[1]} (owned by ${by})`);
    }
  }
  return [...found].sort();
}

function main(): void {
  const root = join(__dirname, '..');
  const known = join(__dirname, 'table-owners-known.json');
  const caught = violations(join(root, 'test/architecture/table-owners-fixture'));
  const expected = 'src/beta/beta.service.ts: alpha_items (owned by alpha)';
  if (caught.length !== 1 || caught[0] !== expected) {
    console.error(`table owners: the fixture should give exactly "${expected}", gave:`, caught);
    process.exit(1);
  }
  const now = violations(root);
  if (process.argv[2] === 'baseline') {
    writeFileSync(known, `${JSON.stringify(now, null, 2)}\n`);
    return;
  }
  const allowed = new Set<string>(JSON.parse(readFileSync(known, 'utf8')));
  const fresh = now.filter((v) => !allowed.has(v));
  const gone = [...allowed].filter((v) => !now.includes(v));
  if (gone.length > 0) {
    console.warn(`table owners: ${gone.length} known violations are gone; shrink the list with`);
    console.warn('  npx ts-node --transpile-only scripts/table-owners.ts baseline');
  }
  if (fresh.length > 0) {
    console.error(
      'table owners: raw SQL names another feature’s table (read it through the owner):',
    );
    for (const v of fresh) console.error(`  ${v}`);
    process.exit(1);
  }
  console.log(`✔ table owners: no new cross-feature SQL (${now.length} known)`);
}

if (require.main === module) main();
