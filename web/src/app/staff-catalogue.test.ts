import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAFF_SOURCES } from '../../lingui.config';

// The staff pages' messages are in staff.po, which only the staff pages load (App.tsx,
// staffPage). A page outside them that imported a staff module would show that module's words
// untranslated (as message ids): no such import may exist.
const root = resolve(__dirname, '../..');
const staff = STAFF_SOURCES.map((s) => s.replace('<rootDir>/', '').replace(/\/\*\*$/, ''));
const isStaff = (file: string) =>
  staff.some((s) => file === s || file.startsWith(`${s}/`) || file.startsWith(`${s}.`));

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

describe('staff catalogue', () => {
  it('lists folders and files that exist', () => {
    for (const s of staff) {
      const there = [s, `${s}.tsx`, `${s}.ts`].some((p) => {
        try {
          return !!statSync(join(root, p));
        } catch {
          return false;
        }
      });
      expect(there, s).toBe(true);
    }
  });

  it('no applicant module imports a staff module (only App.tsx loads staff pages, lazily)', () => {
    const found: string[] = [];
    for (const path of sources(join(root, 'src'))) {
      const file = relative(root, path);
      if (isStaff(file)) continue;
      const code = readFileSync(path, 'utf8');
      for (const [, spec] of code.matchAll(/^\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm)) {
        const target = relative(root, resolve(dirname(path), spec));
        if (isStaff(target)) found.push(`${file} → ${spec}`);
      }
    }
    expect(found).toEqual([]);
  });
});
