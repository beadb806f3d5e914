import { FlowNetwork } from './flow-network';
import { solveMinCostFlow } from './network-simplex';

/**
 * Solves `net` starting from the feasible flow `start`: the solver gets the residual network
 * of `start` (an arc with room keeps its cost, one with flow gets a reverse arc at minus its
 * cost, all supplies zero) and finds the cheapest circulation to add. Near an optimum that
 * takes a fraction of the pivots of a cold solve. The residual optimum's potentials certify
 * the sum flow in `net`: an arc with reduced cost > 0 has its reverse at < 0, so full, so the
 * arc is back at its lower bound, and symmetrically for < 0.
 */
export function solveFrom(
  net: FlowNetwork,
  start: Float64Array,
  onProgress?: (fraction: number) => void,
): { flow: Float64Array; potential: Float64Array; pivots: number } {
  const { from, to, capacity, cost, lower } = net.arrays();
  const m = net.arcCount;
  const residual = new FlowNetwork(net.nodeCount, m + m / 2);
  const forward = new Int32Array(m).fill(-1);
  const backward = new Int32Array(m).fill(-1);
  for (let a = 0; a < m; a++) {
    const low = lower === null ? 0 : lower[a];
    if (start[a] < capacity[a]) {
      forward[a] = residual.addArc(from[a], to[a], capacity[a] - start[a], cost[a]);
    }
    if (start[a] > low) backward[a] = residual.addArc(to[a], from[a], start[a] - low, -cost[a]);
  }
  const solution = solveMinCostFlow(residual, { onProgress });
  if (!solution.feasible) {
    // A circulation is always feasible; reaching this is a bug, not bad input.
    throw new Error(`residual flow is ${solution.status}`);
  }
  const flow = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    flow[a] =
      start[a] +
      (forward[a] >= 0 ? solution.flow[forward[a]] : 0) -
      (backward[a] >= 0 ? solution.flow[backward[a]] : 0);
  }
  return { flow, potential: solution.potential, pivots: solution.pivots };
}

/** Feasibility (bounds, conservation) and complementary slackness on every arc. */
export function certifies(net: FlowNetwork, flow: Float64Array, pi: Float64Array): boolean {
  const { from, to, capacity, cost, lower, supply } = net.arrays();
  const balance = Float64Array.from(supply);
  for (let a = 0; a < net.arcCount; a++) {
    const low = lower === null ? 0 : lower[a];
    if (!(flow[a] >= low && flow[a] <= capacity[a])) return false;
    balance[from[a]] -= flow[a];
    balance[to[a]] += flow[a];
    const rc = cost[a] + pi[from[a]] - pi[to[a]];
    if (rc > 0 && flow[a] !== low) return false;
    if (rc < 0 && flow[a] !== capacity[a]) return false;
  }
  return balance.every((b) => b === 0);
}
