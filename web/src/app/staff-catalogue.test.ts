import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPETITION_SOURCES, STAFF_SOURCES } from '../../lingui.config';

// The staff pages' messages are in staff.po, which only the staff pages load (App.tsx,
// staffPage); the competition pages' in competitions.po, which the competition pages and the
// staff pages load. A page without a catalogue that imported a module whose words are in it
// would show those words untranslated (as message ids): no such import may exist.
const root = resolve(__dirname, '../..');
const folders = (sources: string[]) =>
  sources.map((s) => s.replace('<rootDir>/', '').replace(/\/\*\*$/, ''));
const staff = folders(STAFF_SOURCES);
const competitions = folders(COMPETITION_SOURCES);
const within = (list: string[]) => (file: string) =>
  list.some((s) => file === s || file.startsWith(`${s}/`) || file.startsWith(`${s}.`));
const isStaff = within(staff);
const isCompetitions = within(competitions);

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

describe('staff catalogue', () => {
  it('lists folders and files that exist', () => {
    for (const s of [...staff, ...competitions]) {
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

  it('no module imports a module of a catalogue its pages do not load (only App.tsx, lazily)', () => {
    // What each side's pages have loaded: applicant pages messages.po, competition pages also
    // competitions.po, staff pages all three.
    const loads = (file: string) =>
      isStaff(file) ? [isCompetitions, isStaff] : isCompetitions(file) ? [isCompetitions] : [];
    const found: string[] = [];
    for (const path of sources(join(root, 'src'))) {
      const file = relative(root, path);
      const code = readFileSync(path, 'utf8');
      for (const [, spec] of code.matchAll(/^\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm)) {
        const target = relative(root, resolve(dirname(path), spec));
        const needs = [isCompetitions, isStaff].filter((inside) => inside(target));
        if (needs.some((n) => !loads(file).includes(n))) found.push(`${file} → ${spec}`);
      }
    }
    expect(found).toEqual([]);
  });
});
