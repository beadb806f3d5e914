import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION } from './audit-actions';

/** Every action code written literally on an `action:` line of the API's sources. */
function apiActions(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) {
        const lines = readFileSync(path, 'utf8').split('\n');
        for (const line of lines.filter((l) => /\baction: /.test(l)))
          for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]);
      }
    }
  };
  walk(join(__dirname, '../../../../src'));
  return found;
}

describe('audit actions in words', () => {
  it('names every action the API writes', () => {
    const written = apiActions();
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((a) => !(a in AUDIT_ACTION))).toEqual([]);
    // Written as `penpal_constraint.${type}`.
    expect(AUDIT_ACTION).toHaveProperty(['penpal_constraint.pin']);
    expect(AUDIT_ACTION).toHaveProperty(['penpal_constraint.forbid']);
  });
});
