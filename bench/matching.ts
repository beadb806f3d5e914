/**
 * Pen-pal matching benchmark.
 *
 *   npm run bench:matching -- --per-side N --k K --seed S [--capacity C] [--threads 1|2]
 *                              [--solver S] [--also S] [--json] [--write-dimacs FILE]
 *
 * --capacity (or --penpals) is the round's pen pals per participant. --solver forces one of
 * auto, assignment, cost-scaling, network-simplex; --also solves the same candidate graph again
 * with another one afterwards, so that old and new are compared in one run on one graph.
 *
 * It runs the compiled code (tsconfig.bench.json), as production does: the engine's helper
 * thread (--threads 2, the default) starts from compiled JavaScript.
 * Generates a population (bench/lib/population.ts), runs the pure engine and prints phase
 * times, peak RSS and the result. With --json the last line is one JSON object. With
 * --write-dimacs the exact network the solver optimised is written in DIMACS min-cost-flow
 * format, so an independent solver can confirm `dimacsCost`.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { writeDimacs } from '../src/common/flow';
import {
  buildNetwork,
  runMatching,
  solveMatching,
  type SolverChoice,
} from '../src/penpal/matching';
import { HELPER_MIN_PARTICIPANTS, startMatchingHelper } from '../src/penpal/matching-helper';
import { generatePopulation } from './lib/population';
import { measuring, summarise } from './lib/summary';

interface Args {
  perSide: number;
  k: number;
  seed: number;
  penpals: number;
  threads: number;
  json: boolean;
  dimacs: string | null;
  solver: SolverChoice;
  also: SolverChoice | null;
}

const SOLVERS: SolverChoice[] = ['auto', 'assignment', 'cost-scaling', 'network-simplex'];

function solverChoice(value: string): SolverChoice {
  const choice = SOLVERS.find((s) => s === value);
  if (choice === undefined) throw new Error(`--solver must be one of ${SOLVERS.join(', ')}`);
  return choice;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    perSide: 10_000,
    k: 50,
    seed: 1,
    penpals: 1,
    threads: 2,
    json: false,
    dimacs: null,
    solver: 'auto',
    also: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--per-side':
        args.perSide = Number(value());
        break;
      case '--k':
        args.k = Number(value());
        break;
      case '--seed':
        args.seed = Number(value());
        break;
      case '--capacity':
      case '--penpals':
        args.penpals = Number(value());
        break;
      case '--solver':
        args.solver = solverChoice(value());
        break;
      case '--also':
        args.also = solverChoice(value());
        break;
      case '--threads':
        args.threads = Number(value());
        break;
      case '--json':
        args.json = true;
        break;
      case '--write-dimacs':
        args.dimacs = value();
        break;
      default:
        throw new Error(`unknown argument ${flag}`);
    }
  }
  const { perSide, k, seed, penpals, threads } = args;
  const numbers = { perSide, k, seed, penpals, threads };
  for (const [name, v] of Object.entries(numbers)) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a non-negative integer`);
  }
  if (threads !== 1 && threads !== 2) throw new Error('--threads must be 1 or 2');
  return args;
}

const WORK_UNIT = {
  assignment: 'auction bids',
  'cost-scaling': 'pushes and relabels',
  'network-simplex': 'simplex pivots',
} as const;

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const population = generatePopulation({
    perSide: args.perSide,
    seed: args.seed,
    k: args.k,
    penpals: args.penpals,
  });
  const input = { ...population, tuning: { ...population.tuning, solver: args.solver } };
  const generateMs = Math.round(performance.now() - t0);
  measuring();

  // Started just before the engine, as the matching job does, so that its start-up overlaps
  // the engine's preparation; its start (and any wait for it) is inside the engine's times.
  const helper = args.threads === 2 ? startMatchingHelper(input.participants.length) : null;
  if (
    args.threads === 2 &&
    helper === null &&
    input.participants.length >= HELPER_MIN_PARTICIPANTS
  ) {
    throw new Error('no compiled helper thread found (run through npm run bench:matching)');
  }
  // Below HELPER_MIN_PARTICIPANTS the engine runs alone, as in the job.
  const threads = helper === null ? 1 : 2;
  // CPU time next to the wall clock: on a shared machine it is the steadier figure. It covers
  // every thread of the process (the helper's too).
  const cpu0 = process.cpuUsage();
  const run = runMatching(input, helper ?? undefined);
  const engineCpuMs = cpuMs(cpu0);
  helper?.close();
  const { stats } = run.result;
  const d = stats.durationMs;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  // The same candidate graph again with another solver; its memory is not in peakRssMb.
  let also: {
    solver: keyof typeof WORK_UNIT;
    solveMs: number;
    solveCpuMs: number;
    work: number;
    flowCost: number;
  } | null = null;
  if (args.also !== null) {
    const t1 = performance.now();
    const cpu1 = process.cpuUsage();
    const again = solveMatching(run.prep, run.graph, undefined, args.also);
    also = {
      solver: again.method,
      solveMs: Math.round(performance.now() - t1),
      solveCpuMs: cpuMs(cpu1),
      work: again.work,
      flowCost: again.flowCost,
    };
  }

  let dimacsMs: number | null = null;
  let network: { nodes: number; arcs: number } | null = null;
  if (args.dimacs !== null) {
    const t1 = performance.now();
    // The same network the network simplex would solve; the auction's optimum has its cost.
    const net = buildNetwork(run.prep, run.graph).net;
    network = { nodes: net.nodeCount, arcs: net.arcCount };
    const fd = openSync(args.dimacs, 'w');
    try {
      writeDimacs(net, (chunk) => writeSync(fd, chunk));
    } finally {
      closeSync(fd);
    }
    dimacsMs = Math.round(performance.now() - t1);
  }

  const summary = {
    perSide: args.perSide,
    k: args.k,
    seed: args.seed,
    penpals: args.penpals,
    threads,
    enrolled: stats.enrolled,
    generateMs,
    prepareMs: d.prepare,
    // prepare + candidates, as in earlier runs; candidatesPhaseMs is the phase alone
    candidatesMs: d.prepare + d.candidates,
    candidatesPhaseMs: d.candidates,
    solveMs: d.solve,
    reportMs: d.report,
    totalMs: d.total,
    engineCpuMs,
    peakRssMb,
    candidateEdges: stats.candidateEdges,
    solver: run.solved.method,
    solverWork: run.solved.work,
    smallWeights: run.solved.smallWeights,
    solveParts: run.solved.parts,
    dimacsNodes: network?.nodes ?? null,
    dimacsArcs: network?.arcs ?? null,
    pairs: stats.pairs,
    matchedPeople: stats.matchedPeople,
    unmatchedByReason: stats.unmatchedByReason,
    pairsByCountry: stats.pairsByCountry,
    shortfalls: stats.shortfalls.map((s) => ({
      country: s.country,
      shortfall: s.shortfall,
      reason: s.reason,
    })),
    meanScore: stats.meanScore,
    medianScore: stats.medianScore,
    objective: {
      quotaPairs: stats.objective.quotaPairs,
      shortfall: stats.objective.shortfall,
      matchedPeople: stats.objective.matchedPeople,
      totalScore: stats.objective.totalScore,
    },
    dimacsCost: stats.objective.flowCost,
    dimacsFile: args.dimacs,
    dimacsMs,
    also,
    sameOptimum: also === null ? null : also.flowCost === stats.objective.flowCost,
  };

  if (!args.json) {
    console.log(
      `pen-pal matching: ${args.perSide} per side, k = ${args.k}, seed ${args.seed}, ${args.penpals} pen pal(s) each, ${threads} thread(s)`,
    );
    console.log(`  generate population  ${generateMs} ms (not part of the engine)`);
    console.log(`  prepare              ${d.prepare} ms`);
    console.log(`  candidates           ${d.candidates} ms  (${stats.candidateEdges} edges)`);
    const unit = WORK_UNIT[run.solved.method];
    const weights =
      (run.solved.smallWeights ? ', small weights passed the level check' : '') +
      (run.solved.parts === 2 ? ', 2 parts' : '');
    console.log(`  solve                ${d.solve} ms  (${run.solved.work} ${unit}${weights})`);
    console.log(`  report               ${d.report} ms`);
    console.log(
      `  candidates + solve   ${d.candidates + d.solve} ms; with prepare ${summary.candidatesMs + d.solve} ms; total ${d.total} ms`,
    );
    console.log(`  engine CPU time      ${engineCpuMs} ms (all threads)`);
    console.log(`  peak RSS             ${peakRssMb} MB`);
    console.log(
      `  pairs ${stats.pairs}, people matched ${stats.matchedPeople} of ${stats.enrolled}, mean score ${stats.meanScore}, median ${stats.medianScore}`,
    );
    console.log(`  unmatched by reason  ${JSON.stringify(stats.unmatchedByReason)}`);
    console.log(`  pairs by country     ${JSON.stringify(stats.pairsByCountry)}`);
    console.log(`  shortfalls           ${JSON.stringify(summary.shortfalls)}`);
    console.log(`  objective            ${JSON.stringify(summary.objective)}`);
    console.log(`  flow cost (DIMACS)   ${summary.dimacsCost}`);
    if (also !== null) {
      console.log(
        `  also ${also.solver}: solve ${also.solveMs} ms, CPU ${also.solveCpuMs} ms (${also.work} ${WORK_UNIT[also.solver]}), flow cost ${also.flowCost}, ${summary.sameOptimum ? 'the same optimum' : 'A DIFFERENT OPTIMUM'}`,
      );
    }
    if (args.dimacs !== null)
      console.log(`  DIMACS written to    ${args.dimacs} in ${dimacsMs} ms`);
  }
  if (args.json) console.log(JSON.stringify(summary));
  summarise(
    `matching ×${args.penpals}`,
    `${args.perSide} a side, ${args.penpals} pen pal(s): solve ${d.solve} ms (${run.solved.method}), ` +
      `candidates ${d.candidates} ms, total ${d.total} ms, engine CPU ${engineCpuMs} ms, peak RSS ${peakRssMb} MB`,
    {
      cpuOnly: true,
      solveMs: d.solve,
      totalMs: d.total,
      engineCpuMs,
      peakRssMb,
      flowCost: summary.dimacsCost,
    },
  );
}

main();
