import type { AssignmentEntry, AssignmentInput, AssignmentJudge } from './assignment.types';
import { buildModel } from './model';
import {
  balancedBox,
  convexLoads,
  solveWithPricing,
  startColumns,
  type ColumnState,
} from './restricted-flow';

const entry = (id: string, teamId = `team-${id}`): AssignmentEntry => ({
  id,
  teamId,
  memberInstitutions: [],
  memberCountries: [],
  memberUserIds: [],
});
const judge = (id: string, teamIds: string[] = []): AssignmentJudge => ({
  id,
  conflicts: { teamIds },
});

/** Every pair active, and the given pairs as the starting solution. */
function startFrom(input: AssignmentInput, chosen: [string, string][]): ColumnState {
  const model = buildModel(input);
  const active = new Uint8Array(model.pairs).fill(1);
  const assigned = new Uint8Array(model.pairs);
  for (const [j, e] of chosen) {
    const ei = model.entries.findIndex((x) => x.id === e);
    const ji = model.judges.findIndex((x) => x.id === j);
    for (let i = model.eligStart[ei]; i < model.eligStart[ei + 1]; i++) {
      if (model.elig[i] === ji) assigned[i] = 1;
    }
  }
  return { active, list: Array.from(active.keys()), assigned };
}

describe('solveWithPricing', () => {
  it('unfolds load levels when a folded arc hides the true cost of a heavy load', () => {
    // a must take the 12 f-entries, c the 10 g-entries; h may go to either. With the top
    // levels folded into one arc priced at the first folded level, a 13th entry for a looks
    // as cheap as an 11th for c; starting from h on a, only unfolding shows it is not.
    const input: AssignmentInput = {
      entries: [
        ...Array.from({ length: 12 }, (_, i) => entry(`f${i}`, 'f-team')),
        ...Array.from({ length: 10 }, (_, i) => entry(`g${i}`, 'g-team')),
        entry('h'),
      ],
      judges: [
        judge('a', ['g-team']),
        judge('b', ['f-team', 'g-team', 'team-h']),
        judge('c', ['f-team']),
      ],
      judgesPerEntry: 1,
    };
    const model = buildModel(input);
    expect(balancedBox(model)).toBeNull();
    const chosen: [string, string][] = [
      ...Array.from({ length: 12 }, (_, i): [string, string] => ['a', `f${i}`]),
      ...Array.from({ length: 10 }, (_, i): [string, string] => ['c', `g${i}`]),
      ['a', 'h'],
    ];
    const state = startFrom(input, chosen);
    const stats = { solves: 0, pivots: 0, priced: 0 };
    expect(solveWithPricing(model, convexLoads(model), state, stats).slack).toBe(0);
    const hIndex = model.entries.findIndex((e) => e.id === 'h');
    const i = state.assigned.findIndex((x, p) => x === 1 && model.pairEntry[p] === hIndex);
    expect(model.judges[model.elig[i]].id).toBe('c');
    expect(stats.solves).toBeGreaterThan(1);
  });

  it('reaches the same optimum from any feasible start', () => {
    const input: AssignmentInput = {
      entries: Array.from({ length: 8 }, (_, i) => entry(`e${i}`)),
      judges: [judge('a'), judge('b'), judge('c', ['team-e0', 'team-e1'])],
      judgesPerEntry: 2,
    };
    const model = buildModel(input);
    const box = balancedBox(model);
    expect(box).not.toBeNull();
    const fromGreedy = startColumns(model, box);
    solveWithPricing(model, box!, fromGreedy, { solves: 0, pivots: 0, priced: 0 });
    // An empty start is feasible too (everything on the penalty arcs).
    const fromNothing = startFrom(input, []);
    solveWithPricing(model, balancedBox(model)!, fromNothing, { solves: 0, pivots: 0, priced: 0 });
    const loads = (s: ColumnState) => {
      const l = [0, 0, 0];
      s.assigned.forEach((x, p) => (l[model.elig[p]] += x));
      return l;
    };
    expect(loads(fromGreedy).sort()).toEqual([5, 5, 6]);
    expect(loads(fromNothing).sort()).toEqual([5, 5, 6]);
  });
});
