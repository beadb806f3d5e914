import { FlowNetwork } from './flow-network';

export { FlowNetwork, type FlowArrays } from './flow-network';
export { solveMinCostFlowByCostScaling, type CostScalingOptions } from './cost-scaling';
export {
  MAX_PATH_COST_BOUND,
  solveMinCostFlow,
  type FlowSolution,
  type FlowStatus,
  type SolveOptions,
} from './network-simplex';

/**
 * DIMACS min-cost-flow text: "p min N M", "n id supply", "a u v low cap cost" (1-based nodes),
 * so any standard solver can confirm an optimum independently. DIMACS has no infinity: an
 * infinite capacity is written as the total of all supplies and finite capacities, which no
 * arc of a bounded optimum needs to exceed (every path carries at most the total supply and
 * every cycle of an optimum may be assumed to contain a finite arc).
 */
export function toDimacs(net: FlowNetwork): string {
  const parts: string[] = [];
  writeDimacs(net, (chunk) => parts.push(chunk));
  return parts.join('');
}

/** Streams the same text as toDimacs in chunks of a few thousand lines, for large networks. */
export function writeDimacs(net: FlowNetwork, write: (chunk: string) => void): void {
  const { from, to, capacity, cost, lower, supply } = net.arrays();
  const n = net.nodeCount;
  const m = net.arcCount;
  let infinite = 0;
  for (let u = 0; u < n; u++) infinite += Math.abs(supply[u]);
  for (let a = 0; a < m; a++) {
    if (capacity[a] !== Infinity) infinite += Math.abs(capacity[a]);
    if (lower !== null) infinite += Math.abs(lower[a]);
  }
  infinite = Math.max(infinite, 1);
  let lines: string[] = [`p min ${n} ${m}`];
  const flush = (): void => {
    if (lines.length > 0) write(lines.join('\n') + '\n');
    lines = [];
  };
  for (let u = 0; u < n; u++) {
    if (supply[u] !== 0) lines.push(`n ${u + 1} ${supply[u]}`);
    if (lines.length >= 4096) flush();
  }
  for (let a = 0; a < m; a++) {
    const cap = capacity[a] === Infinity ? infinite : capacity[a];
    const low = lower === null ? 0 : lower[a];
    lines.push(`a ${from[a] + 1} ${to[a] + 1} ${low} ${cap} ${cost[a]}`);
    if (lines.length >= 4096) flush();
  }
  flush();
}
