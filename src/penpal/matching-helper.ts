import { join } from 'node:path';
import { SyncHelper } from '../common/threads/sync-helper';
import type { BipartiteGraph, MatchingSolution } from '../common/flow';
import type { DirectionTask, EdgeTriples, EngineHelper, FlowTask } from './matching';

/** Below this many participants a second thread costs more to start than it saves. */
export const HELPER_MIN_PARTICIPANTS = 4_000;

export interface MatchingHelper extends EngineHelper {
  close(): void;
}

/**
 * A second thread for the matching engine (see EngineHelper), started before the engine runs
 * so that its start-up overlaps the engine's preparation. Null when the run is too small to
 * gain, or when only the TypeScript sources exist and `fromSource` is not set (a ts-node
 * thread takes seconds to start; tests set it to prove the results are the same).
 */
export function startMatchingHelper(
  participants: number,
  opts: { fromSource?: boolean } = {},
): MatchingHelper | null {
  if (participants < HELPER_MIN_PARTICIPANTS && !opts.fromSource) return null;
  const helper = SyncHelper.start(join(__dirname, 'matching-helper.worker'), opts.fromSource);
  if (helper === null) return null;
  return {
    candidates: (task: DirectionTask) => helper.send<EdgeTriples>('candidates', task),
    matching: (graph: BipartiteGraph) => helper.send<MatchingSolution>('matching', graph),
    flow: (task: FlowTask) =>
      helper.send<{ flow: Float64Array; work: number }>('flow', task, [
        task.network.from.buffer,
        task.network.to.buffer,
        task.network.capacity.buffer,
        task.network.cost.buffer,
        task.price.buffer,
      ] as ArrayBuffer[]),
    close: () => helper.close(),
  };
}
