import { certifies, FlowNetwork, solveFrom } from '../../common/flow';
import { prepare, type Prepared } from './prepare';
import { MAX_SCORE, pairFacts, SECTOR_REPEAT, sectorPenalty } from './scoring';
import { shortTeams } from './short';
import {
  SECTORS,
  type MentoringInput,
  type MentoringResult,
  type ProposedPair,
  type Reason,
} from './types';

/** Candidate mentors handed to the solver per wanted mentor before pricing adds the rest. */
const START_PER_SLOT = 4;
/** Most pairs pricing adds per team and round: the most negative reduced costs. */
const PRICED_PER_TEAM = 4;
const S = SECTORS.length;

export interface SolveOptions {
  onProgress?: (fraction: number) => void;
}

/**
 * Mentors for every team, exactly, as a min-cost flow on the shared solver:
 *
 *   team t (supply = mentorsPerTeam) → (t, sector) → mentor m → sink (capacity of m)
 *
 * The k-th arc from a team into one of its sector nodes costs SECTOR_REPEAT · k, so same-sector
 * mentors get dearer (convex costs: concave returns on a sector); a pair arc costs
 * MAX_SCORE + 1 − score. Each team also has a shortfall arc straight to the sink, dearer than
 * any set of pairs can save, so the optimum gives every team as many mentors as the hard rules
 * allow (capacity, no mentor from a member's institution, forbids) before it looks at scores.
 *
 * The pair arcs start with each team's best few mentors; pricing then checks every other
 * eligible pair against the solver's potentials and adds those that would lower the cost,
 * until none would: the result is optimal over all pairs, not just the first candidates.
 */
export function matchMentors(input: MentoringInput, opts: SolveOptions = {}): MentoringResult {
  const t0 = performance.now();
  const teams = [...input.teams].sort((a, b) => cmp(a.id, b.id));
  const mentors = [...input.mentors].sort((a, b) => cmp(a.id, b.id));
  const k = input.mentorsPerTeam;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('mentorsPerTeam must be at least 1');
  const T = teams.length;
  const M = mentors.length;
  const teamIndex = new Map(teams.map((t, i) => [t.id, i]));
  const mentorIndex = new Map(mentors.map((m, i) => [m.id, i]));
  const forbids = new Set(input.forbids.map(([t, m]) => `${t}:${m}`));
  const prep = prepare(teams, mentors, forbids);
  const sectorOf = Int32Array.from(mentors, (m) => Math.max(0, SECTORS.indexOf(m.sector)));
  const capacity = Float64Array.from(mentors, (m) => Math.max(0, Math.floor(m.capacity)));

  // Pins the hard rules allow, first come first kept; the others are reported.
  const warnings: string[] = [];
  const pinned = new Set<number>();
  const pinsOfTeam = new Int32Array(T);
  const pinsOfMentor = new Int32Array(M);
  for (const [teamId, mentorId] of input.pins) {
    const t = teamIndex.get(teamId);
    const m = mentorIndex.get(mentorId);
    if (t === undefined || m === undefined) {
      warnings.push(`pin ${teamId}:${mentorId} names a team or mentor not in the run`);
      continue;
    }
    const at = t * M + m;
    if (pinned.has(at)) continue;
    if (prep.score[at] < 0) {
      warnings.push(`pin ${teamId}:${mentorId} breaks a hard rule and is not kept`);
    } else if (pinsOfTeam[t] >= k || pinsOfMentor[m] >= capacity[m]) {
      warnings.push(
        `pin ${teamId}:${mentorId} exceeds a team's or mentor's places and is not kept`,
      );
    } else {
      pinned.add(at);
      pinsOfTeam[t]++;
      pinsOfMentor[m]++;
    }
  }

  const active = new Uint8Array(T * M);
  const list: number[] = [];
  const activate = (at: number) => {
    if (active[at] === 0) {
      active[at] = 1;
      list.push(at);
    }
  };
  for (const at of pinned) activate(at);
  startColumns(prep, k * START_PER_SLOT, activate);

  const C = MAX_SCORE + 1;
  const demand = T * k;
  const shortfall = (C + SECTOR_REPEAT * (k - 1)) * (demand + 1) + 1;
  const sink = 6 * T + M;
  const tsNode = (t: number, s: number) => T + t * S + s;
  const mNode = (m: number) => 6 * T + m;

  // Arc layout, the same in every round: per team its shortfall arc then S · k sector arcs;
  // one arc per mentor to the sink; then the active pairs in the order they were activated.
  const teamArcs = 1 + S * k;
  const mentorArcStart = T * teamArcs;
  const pairArcStart = mentorArcStart + M;
  const build = () => {
    const net = new FlowNetwork(sink + 1, pairArcStart + list.length);
    for (let t = 0; t < T; t++) {
      net.setSupply(t, k);
      net.addArc(t, sink, k, shortfall);
      for (let s = 0; s < S; s++) {
        for (let j = 0; j < k; j++) net.addArc(t, tsNode(t, s), 1, SECTOR_REPEAT * j);
      }
    }
    net.setSupply(sink, -demand);
    for (let m = 0; m < M; m++) net.addArc(mNode(m), sink, capacity[m], 0);
    for (const at of list) {
      const t = Math.floor(at / M);
      const m = at - t * M;
      net.addArc(tsNode(t, sectorOf[m]), mNode(m), 1, C - prep.score[at], pinned.has(at) ? 1 : 0);
    }
    return net;
  };

  // Each round starts from the last optimum (new pair arcs carry nothing), the first from a
  // greedy answer: the solver then only has to improve on it.
  let flow = greedyStart(prep, list, pinned, capacity, sectorOf, k, {
    teamArcs,
    mentorArcStart,
    pairArcStart,
  });
  let rounds = 0;
  let pivots = 0;
  let net: FlowNetwork;
  let potential: Float64Array;
  for (;;) {
    rounds++;
    net = build();
    const start = new Float64Array(net.arcCount);
    start.set(flow.subarray(0, Math.min(flow.length, start.length)));
    const solved = solveFrom(net, start);
    flow = solved.flow;
    potential = solved.potential;
    pivots += solved.pivots;
    opts.onProgress?.(Math.min(0.95, rounds / (rounds + 2)));
    const added = price(prep, active, potential, C, sectorOf, tsNode, mNode, activate);
    if (added === 0) break;
  }
  if (!certifies(net, flow, potential)) {
    throw new Error('mentoring: the solver returned potentials that do not certify its flow');
  }
  const solution = { flow };

  // Read the pairs off the flow, then explain them.
  const chosen: number[] = [];
  for (let i = 0; i < list.length; i++) {
    if (solution.flow[pairArcStart + i] > 0.5) chosen.push(list[i]);
  }
  chosen.sort((a, b) => a - b);
  const byTeam = new Map<number, number[]>();
  for (const at of chosen) {
    const t = Math.floor(at / M);
    byTeam.set(t, [...(byTeam.get(t) ?? []), at - t * M]);
  }
  const pairs: ProposedPair[] = [];
  let totalScore = 0;
  let objective = 0;
  let mixedTeams = 0;
  for (const [t, ms] of byTeam) {
    const sectors = ms.map((m) => mentors[m].sector);
    const mixed = ms.length >= 2 && new Set(sectors).size === ms.length;
    if (mixed) mixedTeams++;
    objective -= sectorPenalty(sectors);
    for (const m of ms) {
      const at = t * M + m;
      const reasons: Reason[] = [];
      if (pinned.has(at)) reasons.push({ code: 'pinned' });
      reasons.push(...pairFacts(teams[t], mentors[m]));
      if (ms.length >= 2 && sectors.filter((x) => x === mentors[m].sector).length === 1) {
        reasons.push({ code: 'sector_mix', sector: mentors[m].sector });
      }
      totalScore += prep.score[at];
      objective += prep.score[at];
      pairs.push({
        teamId: teams[t].teamId,
        submissionId: teams[t].id,
        mentorId: mentors[m].id,
        score: prep.score[at],
        reasons,
        pinned: pinned.has(at),
      });
    }
  }
  const got = new Int32Array(T);
  for (const [t, ms] of byTeam) got[t] = ms.length;
  const short = shortTeams(teams, prep, got, k, M);
  opts.onProgress?.(1);
  return {
    pairs,
    short,
    stats: {
      teams: T,
      mentors: M,
      pairs: pairs.length,
      pinnedPairs: pinned.size,
      teamsFull: T - short.length,
      teamsShort: short.length,
      totalScore,
      meanScore: pairs.length ? Math.round((totalScore / pairs.length) * 10) / 10 : 0,
      mixedTeams,
      candidatePairs: list.length,
      pricedRounds: rounds,
      pivots,
      objective,
      durationMs: Math.round(performance.now() - t0),
    },
    warnings,
  };
}

/** Each team's best `per` eligible mentors (ties to the lower index), as the first columns. */
function startColumns(prep: Prepared, per: number, activate: (at: number) => void): void {
  const { T, M, score } = prep;
  const best: number[] = [];
  for (let t = 0; t < T; t++) {
    best.length = 0;
    for (let m = 0; m < M; m++) {
      const s = score[t * M + m];
      if (s < 0) continue;
      if (best.length < per) {
        best.push(m);
        if (best.length === per) best.sort((a, b) => score[t * M + b] - score[t * M + a] || a - b);
        continue;
      }
      if (s <= score[t * M + best[per - 1]]) continue;
      let i = per - 1;
      while (i > 0 && score[t * M + best[i - 1]] < s) {
        best[i] = best[i - 1];
        i--;
      }
      best[i] = m;
    }
    for (const m of best) activate(t * M + m);
  }
}

/**
 * A feasible flow to start from: every team takes its pins, then its best active candidates
 * with room left (the j-th mentor of a sector on the team's j-th arc into that sector); what
 * stays unfilled goes through the shortfall arc.
 */
function greedyStart(
  prep: Prepared,
  list: readonly number[],
  pinned: ReadonlySet<number>,
  capacity: Float64Array,
  sectorOf: Int32Array,
  k: number,
  layout: { teamArcs: number; mentorArcStart: number; pairArcStart: number },
): Float64Array {
  const { T, M, score } = prep;
  const flow = new Float64Array(layout.pairArcStart + list.length);
  const used = new Float64Array(M);
  const byTeam: number[][] = Array.from({ length: T }, () => []);
  list.forEach((at, i) => byTeam[Math.floor(at / M)].push(i));
  const perSector = new Int32Array(S);
  for (let t = 0; t < T; t++) {
    const options = byTeam[t].sort(
      (x, y) =>
        Number(pinned.has(list[y])) - Number(pinned.has(list[x])) ||
        score[list[y]] - score[list[x]] ||
        list[x] - list[y],
    );
    perSector.fill(0);
    let taken = 0;
    for (const i of options) {
      if (taken === k) break;
      const m = list[i] - t * M;
      if (used[m] >= capacity[m]) continue;
      const s = sectorOf[m];
      used[m]++;
      flow[layout.pairArcStart + i] = 1;
      flow[t * layout.teamArcs + 1 + s * k + perSector[s]] = 1;
      flow[layout.mentorArcStart + m]++;
      perSector[s]++;
      taken++;
    }
    flow[t * layout.teamArcs] = k - taken;
  }
  return flow;
}

/** Adds the eligible pairs whose reduced cost is negative (the best few per team); returns how many. */
function price(
  prep: Prepared,
  active: Uint8Array,
  potential: Float64Array,
  C: number,
  sectorOf: Int32Array,
  tsNode: (t: number, s: number) => number,
  mNode: (m: number) => number,
  activate: (at: number) => void,
): number {
  const { T, M, score } = prep;
  // Per mentor, what its node's potential takes off a pair; per team, its sector nodes' potentials.
  const mentorPi = Float64Array.from({ length: M }, (_, m) => potential[mNode(m)]);
  const sectorPi = new Float64Array(S);
  const bestAt = new Int32Array(PRICED_PER_TEAM);
  const bestRc = new Float64Array(PRICED_PER_TEAM);
  let added = 0;
  for (let t = 0; t < T; t++) {
    for (let s = 0; s < S; s++) sectorPi[s] = potential[tsNode(t, s)];
    let n = 0;
    const row = t * M;
    for (let m = 0; m < M; m++) {
      const at = row + m;
      const sc = score[at];
      if (sc < 0 || active[at] === 1) continue;
      const rc = C - sc + sectorPi[sectorOf[m]] - mentorPi[m];
      if (rc >= 0 || (n === PRICED_PER_TEAM && rc >= bestRc[n - 1])) continue;
      // Keep the most negative few, in order (ties to the lower index, which came first).
      let i = n < PRICED_PER_TEAM ? n++ : n - 1;
      while (i > 0 && bestRc[i - 1] > rc) {
        bestRc[i] = bestRc[i - 1];
        bestAt[i] = bestAt[i - 1];
        i--;
      }
      bestRc[i] = rc;
      bestAt[i] = at;
    }
    for (let i = 0; i < n; i++) activate(bestAt[i]);
    added += n;
  }
  return added;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
