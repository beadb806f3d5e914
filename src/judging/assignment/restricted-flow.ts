import { certifies, FlowNetwork, solveFrom } from '../../common/flow';
import { COUNTRY_WEIGHT, type AssignmentModel } from './model';

/**
 * How judges' loads are priced on their way to the sink T.
 *
 * - `box`: judge j takes between lower_j and upper_j new assignments at no cost. Arcs S → j
 *   (up to lower_j) and a bypass S → T, both at `penalty`, keep every restricted network
 *   feasible; a final solution that still uses them shows the box cannot be met.
 * - `convex`: the l-th new assignment of judge j costs B·(kept_j + l); levels above fold_j are
 *   folded into one arc priced at the first folded level; the bypass S → T is dearer than any
 *   augmenting path.
 */
export type LoadModel =
  | { kind: 'box'; lower: Float64Array; upper: Float64Array; penalty: number }
  | { kind: 'convex'; B: number; fold: Float64Array };

/**
 * The pairs handed to the solver (`active`) and the current solution (`assigned`, a subset of
 * them). The solution is always feasible for the network about to be solved, so each solve
 * starts from it (see solveFrom) instead of from nothing.
 */
export interface ColumnState {
  active: Uint8Array;
  /** The active pairs as a list, in the order they were activated. */
  list: number[];
  assigned: Uint8Array;
}

export interface SolveStats {
  solves: number;
  pivots: number;
  priced: number;
}

/**
 * Pairs per missing judge handed to the solver before pricing: enough that the first
 * restricted optimum is close to the full one, few enough to keep the network small.
 */
const INITIAL_COLUMNS_PER_NEED = 4;
/** Most violating pairs added per entry and round: the best few are what the optimum wants. */
const PRICED_PER_ENTRY = 4;

/** The bounds of pass 1, or null when a spread of at most one is impossible on its face. */
export function balancedBox(model: AssignmentModel): LoadModel | null {
  const { J, E, keptLoad, unitsMax, demand, need, eligStart } = model;
  if (J === 0 || demand === 0) return null;
  for (let e = 0; e < E; e++) if (eligStart[e + 1] - eligStart[e] < need[e]) return null;
  let total = demand;
  for (let j = 0; j < J; j++) total += keptLoad[j];
  const q = Math.floor(total / J);
  const lower = new Float64Array(J);
  const upper = new Float64Array(J);
  let sumLower = 0;
  let sumUpper = 0;
  for (let j = 0; j < J; j++) {
    lower[j] = Math.max(0, q - keptLoad[j]);
    upper[j] = Math.min(q + 1 - keptLoad[j], unitsMax[j]);
    if (upper[j] < lower[j]) return null;
    sumLower += lower[j];
    sumUpper += upper[j];
  }
  if (sumLower > demand || sumUpper < demand) return null;
  return { kind: 'box', lower, upper, penalty: demand * model.perAssignmentMax + 1 };
}

export function convexLoads(model: AssignmentModel): LoadModel {
  const { J, keptLoad, unitsMax, demand } = model;
  let total = demand;
  for (let j = 0; j < J; j++) total += keptLoad[j];
  const average = J === 0 ? 0 : Math.ceil(total / J);
  const fold = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    fold[j] = Math.min(unitsMax[j], Math.max(0, average - keptLoad[j]) + 2);
  }
  return { kind: 'convex', B: demand * model.perAssignmentMax + 1, fold };
}

/**
 * A greedy start and the first columns. Entries with the fewest eligible judges go first, each
 * taking its cheapest judges (expertise plus country repeats, then the least loaded) among
 * those with room. In a box, "room" also keeps Σ max(new_j, lower_j) <= D, which is what makes
 * the start feasible with the box's penalty arcs making up any shortfall. The columns add, per
 * entry, its cheapest pair in as many countries as possible, starting from a different judge
 * for each entry so that together they reach every judge.
 */
export function startColumns(model: AssignmentModel, box: LoadModel | null): ColumnState {
  const { E, J, K, eligStart, elig, pairCost, need, judgeCountry, keptJudges } = model;
  const active = new Uint8Array(model.pairs);
  const assigned = new Uint8Array(model.pairs);
  const lower = box?.kind === 'box' ? box.lower : null;
  const limit = box?.kind === 'box' ? box.upper : model.unitsMax;
  const added = new Float64Array(J);
  let sumMax = 0;
  if (lower) for (let j = 0; j < J; j++) sumMax += lower[j];
  const sameCountry = new Int32Array(K);
  const floor = lower ?? new Float64Array(J);
  const demand = model.demand;
  const scale = demand + 1;

  const order = Array.from({ length: E }, (_, e) => e).sort(
    (x, y) => eligStart[x + 1] - eligStart[x] - (eligStart[y + 1] - eligStart[y]) || x - y,
  );
  for (const e of order) {
    const a = eligStart[e];
    const b = eligStart[e + 1];
    sameCountry.fill(0);
    for (const j of keptJudges[e]) if (judgeCountry[j] >= 0) sameCountry[judgeCountry[j]]++;
    for (let n = 0; n < need[e]; n++) {
      const full = lower !== null && sumMax >= demand;
      const best = pickJudge(
        a,
        b,
        elig,
        pairCost,
        judgeCountry,
        assigned,
        added,
        limit,
        floor,
        full,
        sameCountry,
        scale,
      );
      if (best < 0) break;
      const j = elig[best];
      if (lower !== null && added[j] >= lower[j]) sumMax++;
      added[j]++;
      assigned[best] = 1;
      active[best] = 1;
      const c = judgeCountry[j];
      if (c >= 0) sameCountry[c]++;
    }
  }

  const bestOfCountry = new Int32Array(K).fill(-1);
  const candidates: number[] = [];
  for (let e = 0; e < E; e++) {
    const a = eligStart[e];
    const len = eligStart[e + 1] - a;
    const width = Math.min(len, INITIAL_COLUMNS_PER_NEED * need[e]);
    const start = Math.floor(len * ((e * 0.6180339887498949) % 1));
    let count = 0;
    for (let i = a; i < a + len; i++) {
      count += active[i];
      // A country the greedy start already uses is not offered again.
      if (active[i] !== 0 && judgeCountry[elig[i]] >= 0) bestOfCountry[judgeCountry[elig[i]]] = -2;
    }
    // One pass in rotated order: the first cheapest pair of each country, every countryless one.
    candidates.length = 0;
    for (let t = 0; t < len; t++) {
      const i = a + (t < len - start ? start + t : t - (len - start));
      if (active[i] !== 0) continue;
      const c = judgeCountry[elig[i]];
      if (c < 0) candidates.push(i);
      else if (
        bestOfCountry[c] === -1 ||
        (bestOfCountry[c] >= 0 && pairCost[i] < pairCost[bestOfCountry[c]])
      ) {
        bestOfCountry[c] = i;
      }
    }
    for (let c = 0; c < K; c++) {
      if (bestOfCountry[c] >= 0) candidates.push(bestOfCountry[c]);
      bestOfCountry[c] = -1;
    }
    // Stable: equal costs keep their rotated order, countryless pairs first among equals.
    candidates.sort((x, y) => pairCost[x] - pairCost[y]);
    for (let t = 0; t < candidates.length && count < width; t++, count++) active[candidates[t]] = 1;
  }
  const list: number[] = [];
  for (let i = 0; i < model.pairs; i++) if (active[i] !== 0) list.push(i);
  return { active, list, assigned };
}

/**
 * The start's choice for one judge of one entry: the cheapest pair (expertise plus
 * COUNTRY_WEIGHT per judge of the same country already chosen), then the least loaded judge,
 * among judges with room; -1 when none has. A function of its own so V8 optimises the loop.
 */
function pickJudge(
  a: number,
  b: number,
  elig: Int32Array,
  pairCost: Int32Array,
  judgeCountry: Int32Array,
  assigned: Uint8Array,
  added: Float64Array,
  limit: Float64Array,
  floor: Float64Array,
  full: boolean,
  sameCountry: Int32Array,
  scale: number,
): number {
  const countryWeight = COUNTRY_WEIGHT;
  let best = -1;
  let bestScore = Infinity;
  for (let i = a; i < b; i++) {
    const j = elig[i];
    if (assigned[i] !== 0 || added[j] >= limit[j]) continue;
    if (full && added[j] >= floor[j]) continue;
    const c = judgeCountry[j];
    const repeat = c >= 0 ? countryWeight * sameCountry[c] : 0;
    const score = (pairCost[i] + repeat) * scale + added[j];
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/**
 * Solves the full model to optimality while handing the solver only some of its pair arcs
 * (column generation). After each solve every left-out pair is priced with the optimal node
 * potentials; pairs with a negative reduced cost are added and the flow is solved again. When
 * none is left, the potentials satisfy complementary slackness for the left-out arcs too
 * (they carry no flow and have reduced cost >= 0), which proves the restricted optimum is an
 * optimum of the full model. The final network is also checked arc by arc, so exactness does
 * not rest on the solver's own termination test. Returns the flow through the slack arcs.
 */
export function solveWithPricing(
  model: AssignmentModel,
  loads: LoadModel,
  state: ColumnState,
  stats: SolveStats,
  onProgress?: (fraction: number) => void,
): { slack: number } {
  for (;;) {
    stats.solves++;
    const built = buildNetwork(model, loads, state);
    const { flow, potential, pivots } = solveFrom(built.net, built.start, onProgress);
    stats.pivots += pivots;
    for (let p = 0; p < built.arcPair.length; p++) {
      state.assigned[built.arcPair[p]] = flow[built.firstPairArc + p] > 0.5 ? 1 : 0;
    }
    const added = price(model, built, potential, flow, state);
    stats.priced += added;
    if (added > 0) continue;
    if (loads.kind === 'convex' && refold(model, loads, built, flow)) continue;
    if (!certifies(built.net, flow, potential)) {
      throw new Error('judge assignment: the solver returned potentials that do not certify');
    }
    let slack = 0;
    for (const arc of built.slackArcs) slack += flow[arc];
    return { slack };
  }
}

/**
 * The folded arc underprices only its second and later units, so a solution using at most one
 * of them is optimal for the true costs as well (the folded model is a lower bound that is
 * tight there). Otherwise the fold moves up and the caller solves again.
 */
function refold(
  model: AssignmentModel,
  loads: { fold: Float64Array },
  built: Built,
  flow: Float64Array,
): boolean {
  let moved = false;
  for (let j = 0; j < model.J; j++) {
    const arc = built.overflowArc[j];
    if (arc >= 0 && flow[arc] >= 2) {
      loads.fold[j] = Math.min(model.unitsMax[j], 2 * (loads.fold[j] + flow[arc]));
      moved = true;
    }
  }
  return moved;
}

type Built = ReturnType<typeof buildNetwork>;

/**
 * The restricted network, and the current solution as a flow on it. A country group with a
 * single active pair becomes an arc straight from the entry, priced with the group's first
 * unit: with one way out, the group's other units could never carry flow, so it is the same
 * network with one node fewer, and most groups are like that.
 */
function buildNetwork(model: AssignmentModel, loads: LoadModel, state: ColumnState) {
  const { E, J, eligStart, elig, pairCost, pairGroup, pairEntry, need, keptLoad, unitsMax } = model;
  const { list, assigned } = state;
  const G = model.groups;
  const S = 0;
  const T = 1;
  let next = 2;
  const judgeNode = new Int32Array(J).fill(-1);
  for (let j = 0; j < J; j++) if (unitsMax[j] > 0) judgeNode[j] = next++;
  const entryNode = new Int32Array(E).fill(-1);
  for (let e = 0; e < E; e++) if (eligStart[e + 1] > eligStart[e]) entryNode[e] = next++;
  const activeInGroup = new Int32Array(G);
  const usedInGroup = new Int32Array(G);
  const newLoad = new Float64Array(J);
  const usedByEntry = new Int32Array(E);
  const pairArcs = list.length;
  let covered = 0;
  for (const i of list) {
    usedByEntry[pairEntry[i]] += assigned[i];
    if (pairGroup[i] >= 0) {
      activeInGroup[pairGroup[i]]++;
      usedInGroup[pairGroup[i]] += assigned[i];
    }
    newLoad[elig[i]] += assigned[i];
    covered += assigned[i];
  }
  const groupNode = new Int32Array(G).fill(-1);
  let groupArcs = 0;
  for (let g = 0; g < G; g++) {
    if (activeInGroup[g] < 2) continue;
    groupNode[g] = next++;
    groupArcs += model.groupUnits[g];
  }

  let judgeArcs = 2 * J;
  if (loads.kind === 'convex') for (let j = 0; j < J; j++) judgeArcs += loads.fold[j];
  const arcs = E + groupArcs + pairArcs + judgeArcs + 1;
  const net = new FlowNetwork(next, arcs);
  const start = new Float64Array(arcs);
  const arc = (from: number, to: number, cap: number, cost: number, x: number, low = 0) => {
    const id = net.addArc(from, to, cap, cost, low);
    start[id] = x;
    return id;
  };
  for (let e = 0; e < E; e++) {
    if (entryNode[e] >= 0) arc(S, entryNode[e], need[e], 0, usedByEntry[e]);
  }
  for (let g = 0; g < G; g++) {
    if (groupNode[g] < 0) continue;
    const from = entryNode[model.groupEntry[g]];
    for (let u = 0; u < model.groupUnits[g]; u++) {
      const cost = COUNTRY_WEIGHT * (model.groupKept[g] + u);
      arc(from, groupNode[g], 1, cost, u < usedInGroup[g] ? 1 : 0);
    }
  }
  const firstPairArc = net.arcCount;
  const arcPair = new Int32Array(pairArcs);
  const soleArc = new Int32Array(G).fill(-1);
  const solePair = new Int32Array(G).fill(-1);
  for (let p = 0; p < pairArcs; p++) {
    const i = list[p];
    const e = pairEntry[i];
    const g = pairGroup[i];
    const to = judgeNode[elig[i]];
    if (g < 0) arc(entryNode[e], to, 1, pairCost[i], assigned[i]);
    else if (groupNode[g] >= 0) arc(groupNode[g], to, 1, pairCost[i], assigned[i]);
    else {
      const cost = COUNTRY_WEIGHT * model.groupKept[g] + pairCost[i];
      soleArc[g] = arc(entryNode[e], to, 1, cost, assigned[i]);
      solePair[g] = i;
    }
    arcPair[p] = i;
  }

  const overflowArc = new Int32Array(J).fill(-1);
  const slackArcs: number[] = [];
  if (loads.kind === 'box') {
    let shortfall = 0;
    for (let j = 0; j < J; j++) {
      if (judgeNode[j] < 0) continue;
      const lo = loads.lower[j];
      arc(judgeNode[j], T, loads.upper[j], 0, Math.max(newLoad[j], lo), lo);
      if (lo > 0) {
        const fill = Math.max(0, lo - newLoad[j]);
        slackArcs.push(arc(S, judgeNode[j], lo, loads.penalty, fill));
        shortfall += fill;
      }
    }
    slackArcs.push(arc(S, T, model.demand, loads.penalty, model.demand - covered - shortfall));
  } else {
    const { B, fold } = loads;
    let largestLevel = 0;
    for (let j = 0; j < J; j++) {
      if (judgeNode[j] < 0) continue;
      for (let l = 1; l <= fold[j]; l++) {
        arc(judgeNode[j], T, 1, B * (keptLoad[j] + l), l <= newLoad[j] ? 1 : 0);
      }
      if (unitsMax[j] > fold[j]) {
        const level = keptLoad[j] + fold[j] + 1;
        const x = Math.max(0, newLoad[j] - fold[j]);
        overflowArc[j] = arc(judgeNode[j], T, unitsMax[j] - fold[j], B * level, x);
      }
      largestLevel = Math.max(largestLevel, keptLoad[j] + fold[j] + 1);
    }
    // An augmenting path enters each judge at most once, so it costs less than
    // J·perAssignmentMax + B·largestLevel: above that, covering always beats the bypass.
    const bypassCost = J * model.perAssignmentMax + B * largestLevel + 1;
    slackArcs.push(arc(S, T, model.demand, bypassCost, model.demand - covered));
  }
  net.setSupply(S, model.demand);
  net.setSupply(T, -model.demand);
  return {
    net,
    start: start.subarray(0, net.arcCount),
    judgeNode,
    entryNode,
    groupNode,
    soleArc,
    solePair,
    firstPairArc,
    arcPair,
    overflowArc,
    slackArcs,
  };
}

/**
 * Marks left-out pairs with a negative reduced cost as active and returns how many. A country
 * group that has no node in the network gets the largest potential consistent with the flow,
 * which makes its left-out pairs as cheap to leave out as possible: with no active pair, or one
 * that carries nothing, π(entry) + its first unit's cost; with one active pair p0 to judge j0
 * that is used, min(π(j0) − cost(p0), π(entry) + its second unit's cost). Either way every arc
 * of the group, present or folded into the direct arc, keeps a reduced cost its flow allows.
 */
function price(
  model: AssignmentModel,
  built: Built,
  pi: Float64Array,
  flow: Float64Array,
  state: ColumnState,
): number {
  const { active, list } = state;
  const { E, eligStart, elig, pairCost, pairGroup, groupEntry, groupKept } = model;
  const { judgeNode, entryNode, groupNode, soleArc, solePair } = built;
  const G = model.groups;
  const groupPi = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const piEntry = pi[entryNode[groupEntry[g]]];
    if (groupNode[g] >= 0) groupPi[g] = pi[groupNode[g]];
    else if (soleArc[g] >= 0 && flow[soleArc[g]] > 0.5) {
      const p0 = solePair[g];
      groupPi[g] = Math.min(
        pi[judgeNode[elig[p0]]] - pairCost[p0],
        piEntry + COUNTRY_WEIGHT * (groupKept[g] + 1),
      );
    } else groupPi[g] = piEntry + COUNTRY_WEIGHT * groupKept[g];
  }
  let added = 0;
  const found: number[] = [];
  const reduced: number[] = [];
  for (let e = 0; e < E; e++) {
    const a = eligStart[e];
    const b = eligStart[e + 1];
    if (a === b) continue;
    const piEntry = pi[entryNode[e]];
    found.length = 0;
    reduced.length = 0;
    for (let i = a; i < b; i++) {
      if (active[i] !== 0) continue;
      const g = pairGroup[i];
      const rc = pairCost[i] + (g < 0 ? piEntry : groupPi[g]) - pi[judgeNode[elig[i]]];
      if (rc < 0) {
        found.push(i);
        reduced.push(rc);
      }
    }
    if (found.length > PRICED_PER_ENTRY) {
      const order = found.map((_, x) => x).sort((x, y) => reduced[x] - reduced[y] || x - y);
      found.splice(0, found.length, ...order.slice(0, PRICED_PER_ENTRY).map((x) => found[x]));
    }
    for (const i of found) {
      active[i] = 1;
      list.push(i);
    }
    added += found.length;
  }
  return added;
}
