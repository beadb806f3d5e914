export type Change = { from: unknown; to: unknown };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields a patch really changes, with old and new values, for a submission's version log. */
export function diffFields(
  before: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, Change> {
  const changes: Record<string, Change> = {};
  for (const [key, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    if (!same(before[key], to)) changes[key] = { from: before[key] ?? null, to };
  }
  return changes;
}
