import {
  FlowNetwork,
  maxWeightMatching,
  type BipartiteGraph,
  type FlowArrays,
} from '../common/flow';
import { serveHelper } from '../common/threads/sync-helper';
import { groupByKr, selectDirection, solveFlow, type DirectionTask } from './matching';

serveHelper({
  candidates: (task: DirectionTask) => {
    const result = groupByKr(selectDirection(task), task.kr.count);
    const transfer = [result.from.buffer, result.to.buffer, result.score.buffer] as ArrayBuffer[];
    return { result, transfer };
  },
  matching: (graph: BipartiteGraph) => {
    const solution = maxWeightMatching(graph);
    const transfer = [solution.mateOfLeft.buffer, solution.mateOfRight.buffer] as ArrayBuffer[];
    return { result: solution, transfer };
  },
  flow: (network: FlowArrays) => {
    const solution = solveFlow(FlowNetwork.fromArrays(network));
    return { result: solution, transfer: [solution.flow.buffer] as ArrayBuffer[] };
  },
});
