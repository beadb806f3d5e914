import type {
  AssignmentInput,
  AssignmentObjective,
  AssignmentOptions,
  AssignmentResult,
  JudgeEntryPair,
  UnassignedEntry,
} from './assignment.types';
import {
  COUNTRY_WEIGHT,
  EXPERTISE_TAGS_CONSIDERED,
  EXPERTISE_WEIGHT,
  buildModel,
  expertisePenalty,
  type AssignmentModel,
} from './model';
import {
  balancedBox,
  convexLoads,
  solveWithPricing,
  startColumns,
  type SolveStats,
} from './restricted-flow';

/** The published objective, for the assignment job's documentation. */
export const ASSIGNMENT_OBJECTIVE = [
  'Judges are assigned to maximise, in strict priority order:',
  '(1) coverage: the number of (judge, entry) assignments made, up to judgesPerEntry per entry,',
  'never pairing a judge with a conflict (declared country, institution or team; shared',
  'institution with a team member; membership of the team) or a recused pair;',
  '(2) balance: the smallest Σ load² over judges (kept plus new assignments, each load within',
  'maxLoad when set), which makes the largest load as small and the smallest load as large as',
  'coverage allows, so loads differ by at most one whenever that is possible;',
  `(3) preferences: the least of ${EXPERTISE_WEIGHT} per entry tag (of its first`,
  `${EXPERTISE_TAGS_CONSIDERED}) the judge's expertise misses plus ${COUNTRY_WEIGHT} per pair of`,
  "an entry's judges from the same country. Kept assignments are never moved.",
].join(' ');

/**
 * Exact judge assignment: the lexicographic optimum of ASSIGNMENT_OBJECTIVE, as min-cost flows
 * on the shared solver.
 *
 * Network (integer arcs, capacity 1 unless said):
 *
 *   S ──need_e──► entry e ──► [(e, country c)] ──► judge j ──load arcs──► T
 *   S ─────────────────────────── bypass ───────────────────────────────► T
 *
 * - S supplies D = Σ need_e (need_e = judgesPerEntry − kept judges of e) and T absorbs it; a
 *   unit is one new assignment, or one missing assignment when it takes the bypass.
 * - Only unconflicted, unrecused, not-yet-assigned pairs get an arc, so no solution can
 *   contain a forbidden pair; maxLoad caps a judge's load arcs.
 * - Expertise: the arc into the judge costs expertisePenalty(e, j).
 * - Country spreading: the eligible judges of one country for e hang below a node (e, c),
 *   entered through parallel unit arcs costing COUNTRY_WEIGHT·(x + u) for the (u+1)-th new
 *   judge when x judges of c are kept on e. Marginals increase, so the flow takes them in order
 *   and pays exactly COUNTRY_WEIGHT per same-country pair it creates.
 *
 * Load arcs, in two passes:
 *
 * 1. Balanced box. With full coverage the loads sum to a known total, so q = ⌊total / J⌋ and
 *    "every load in [q, q + 1]" is exactly "spread ≤ 1", which minimises Σ load² for that sum.
 *    Each judge gets one arc to T with bounds [q − kept, q + 1 − kept] and cost 0, so the
 *    solver optimises the preferences alone over the coverage- and balance-optimal solutions.
 *    Arcs at a big-M price (more than all preferences together) keep it feasible; if the
 *    optimum still uses them, no full, spread-≤-1 assignment exists and pass 2 runs.
 * 2. Convex costs. The l-th new assignment of judge j costs B·(kept_j + l), the marginal of
 *    B·L(L+1)/2, so the flow pays B/2·(Σ L² + Σ L). The load vectors of max-coverage flows
 *    form an M-convex set, and there a minimiser of Σ L² is decreasingly minimal and
 *    increasingly maximal (Frank and Murota, "Discrete decreasing minimization", 2022): no
 *    solution has a smaller largest or a larger smallest load. Distinct load vectors differ in
 *    Σ L(L+1)/2 by at least 1, and B = D × (largest preference cost of one assignment) + 1
 *    exceeds every preference difference, so balance dominates preferences; the bypass costs
 *    more than any augmenting path, so coverage dominates both.
 *
 * Each pass is solved by column generation (see solveWithPricing): the solver sees a few pairs
 * per entry and is re-run with every pair the optimal potentials say it is missing, until
 * the potentials prove the restricted optimum optimal for the full network. Every re-run
 * starts from the previous solution, so it costs only the pivots of what changed.
 */
export function assignJudges(
  input: AssignmentInput,
  opts: AssignmentOptions = {},
): AssignmentResult {
  const model = buildModel(input);
  const stats: SolveStats = { solves: 0, pivots: 0, priced: 0 };
  const progress = opts.onProgress;
  const report = progress ? (f: number) => progress(Math.min(0.99, f)) : undefined;

  const box = balancedBox(model);
  const state = startColumns(model, box);
  let method: 'balanced' | 'convex' = 'balanced';
  if (box === null || solveWithPricing(model, box, state, stats, report).slack > 0) {
    method = 'convex';
    solveWithPricing(model, convexLoads(model), state, stats, report);
  }
  progress?.(1);
  return finish(model, state.assigned, { ...stats, method });
}

function finish(
  model: AssignmentModel,
  chosen: Uint8Array,
  solverStats: SolveStats & { method: 'balanced' | 'convex' },
): AssignmentResult {
  const { E, J, K, k, elig, eligStart, entries, judges, entryTags, judgeTags } = model;
  const { judgeCountry, keptJudges, keptCount, keptLoad, unconflicted } = model;
  const added = new Int32Array(J);
  const addedCount = new Int32Array(E);
  const assignments: JudgeEntryPair[] = [];
  const newByEntry: number[][] = Array.from({ length: E }, () => []);
  for (let e = 0; e < E; e++) {
    for (let i = eligStart[e]; i < eligStart[e + 1]; i++) {
      if (chosen[i] === 0) continue;
      added[elig[i]]++;
      addedCount[e]++;
      newByEntry[e].push(elig[i]);
    }
  }
  const objective: AssignmentObjective = {
    added: 0,
    missing: 0,
    loadSquares: 0,
    expertisePenalty: 0,
    countryPenalty: 0,
  };
  const unassigned: UnassignedEntry[] = [];
  const perCountry = new Int32Array(K);
  for (let e = 0; e < E; e++) {
    const list = newByEntry[e].sort((x, y) => x - y);
    for (const j of keptJudges[e]) if (judgeCountry[j] >= 0) perCountry[judgeCountry[j]]++;
    for (const j of list) {
      assignments.push({ entryId: entries[e].id, judgeId: judges[j].id });
      objective.expertisePenalty += expertisePenalty(entryTags[e], judgeTags[j]);
      const c = judgeCountry[j];
      if (c >= 0) {
        objective.countryPenalty += COUNTRY_WEIGHT * perCountry[c];
        perCountry[c]++;
      }
    }
    for (const j of list) if (judgeCountry[j] >= 0) perCountry[judgeCountry[j]] = 0;
    for (const j of keptJudges[e]) if (judgeCountry[j] >= 0) perCountry[judgeCountry[j]] = 0;
    objective.added += addedCount[e];
    const assigned = keptCount[e] + addedCount[e];
    if (assigned >= k) continue;
    objective.missing += k - assigned;
    const available = keptCount[e] + unconflicted[e];
    unassigned.push(
      available < k
        ? {
            entryId: entries[e].id,
            assigned,
            needed: k,
            cause: 'conflicts',
            reason: `not enough unconflicted judges: ${available} of ${k}`,
          }
        : {
            entryId: entries[e].id,
            assigned,
            needed: k,
            cause: 'capacity',
            reason: `unconflicted judges are at their maximum load: ${assigned} of ${k} assigned`,
          },
    );
  }
  const perJudgeLoad = judges.map((jd, j) => {
    const load = keptLoad[j] + added[j];
    objective.loadSquares += load * load;
    return { judgeId: jd.id, load, added: added[j] };
  });
  return {
    assignments,
    perJudgeLoad,
    unassigned,
    conflictCount: model.conflictCount,
    conflictsByKind: model.conflictsByKind,
    conflictedExisting: model.conflictedExisting,
    objective,
    stats: { modelPairs: model.pairs, ...solverStats },
  };
}
