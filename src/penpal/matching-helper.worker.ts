import { FlowNetwork, maxWeightMatching, type BipartiteGraph } from '../common/flow';
import { serveHelper } from '../common/threads/sync-helper';
import {
  groupByKr,
  selectDirection,
  solveFlow,
  type DirectionTask,
  type FlowTask,
} from './matching';

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
  flow: (task: FlowTask) => {
    const solution = solveFlow(FlowNetwork.fromArrays(task.network), task.price);
    return { result: solution, transfer: [solution.flow.buffer] as ArrayBuffer[] };
  },
});
