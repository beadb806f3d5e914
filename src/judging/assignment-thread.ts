import { join } from 'node:path';
import { runInThread } from '../common/threads/run-in-thread';
import { assignJudges, AssignmentInput, AssignmentResult } from './assignment';

/** Below this many entry × judge pairs a solve takes milliseconds: a thread would only add its start-up. */
export const THREAD_THRESHOLD_PAIRS = 200_000;

/**
 * The exact assignment, in a worker thread when the round is large, so an API process that tops a
 * round up after a recusal keeps answering other requests while it solves.
 */
export function solveAssignment(
  input: AssignmentInput,
  onProgress?: (fraction: number) => void,
  threshold = THREAD_THRESHOLD_PAIRS,
): Promise<AssignmentResult> {
  if (input.entries.length * input.judges.length < threshold) {
    return Promise.resolve(assignJudges(input, { onProgress }));
  }
  return runInThread(join(__dirname, 'assignment-thread.worker'), input, onProgress);
}
