export type Change = { from: unknown; to: unknown };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields a patch really changes, with old and new values, for a submission's version log. */
export function diffFields(before: object, patch: object): Record<string, Change> {
  const changes: Record<string, Change> = {};
  const old = new Map<string, unknown>(Object.entries(before));
  for (const [key, to] of Object.entries(patch) as [string, unknown][]) {
    if (to === undefined) continue;
    if (!same(old.get(key), to)) changes[key] = { from: old.get(key) ?? null, to };
  }
  return changes;
}
