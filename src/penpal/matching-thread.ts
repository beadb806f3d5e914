import { join } from 'node:path';
import { runInThread } from '../common/threads/run-in-thread';
import type { MatchingInput, MatchingResult } from './matching';

/** The matching engine in a worker thread (a 100,000-per-side solve takes tens of seconds). */
export function matchInThread(
  input: MatchingInput,
  onProgress: (fraction: number) => void,
): Promise<MatchingResult> {
  return runInThread(
    join(__dirname, 'matching-thread.worker'),
    { ...input, onProgress: undefined },
    onProgress,
  );
}
