import { maxWeightMatching, type BipartiteGraph } from '../common/flow';
import { serveHelper } from '../common/threads/sync-helper';
import { selectDirection, type DirectionTask } from './matching';

serveHelper({
  candidates: (task: DirectionTask) => {
    const out = selectDirection(task);
    const result = {
      from: out.from.subarray(0, out.length),
      to: out.to.subarray(0, out.length),
      score: out.score.subarray(0, out.length),
      length: out.length,
    };
    const transfer = [out.from.buffer, out.to.buffer, out.score.buffer] as ArrayBuffer[];
    return { result, transfer };
  },
  matching: (graph: BipartiteGraph) => {
    const solution = maxWeightMatching(graph);
    const transfer = [solution.mateOfLeft.buffer, solution.mateOfRight.buffer] as ArrayBuffer[];
    return { result: solution, transfer };
  },
});
