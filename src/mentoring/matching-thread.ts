import { join } from 'node:path';
import { runInThread } from '../common/threads/run-in-thread';
import { matchMentors, type MentoringInput, type MentoringResult } from './core';

/** Below this many team × mentor pairs a solve takes milliseconds: a thread would only add its start-up. */
export const THREAD_THRESHOLD_PAIRS = 200_000;

/** The exact matching, in a worker thread when the round is large, so the worker keeps its job locks. */
export function matchInThread(
  input: MentoringInput,
  onProgress?: (fraction: number) => void,
): Promise<MentoringResult> {
  if (input.teams.length * input.mentors.length < THREAD_THRESHOLD_PAIRS) {
    return Promise.resolve(matchMentors(input, { onProgress }));
  }
  return runInThread(join(__dirname, 'matching-thread.worker'), input, onProgress);
}
