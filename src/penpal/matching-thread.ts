import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MatchingInput, MatchingResult } from './matching';

/**
 * Runs the matching engine in a worker thread, so the worker process stays responsive while it
 * solves: BullMQ keeps renewing the job's lock and the run's progress keeps being written.
 * From the build it runs the compiled .js; from sources (tests, ts-node) it loads the .ts via ts-node.
 */
export function matchInThread(
  input: MatchingInput,
  onProgress: (fraction: number) => void,
): Promise<MatchingResult> {
  const compiled = join(__dirname, 'matching-thread.worker.js');
  const fromBuild = existsSync(compiled);
  const worker = new Worker(fromBuild ? compiled : join(__dirname, 'matching-thread.worker.ts'), {
    workerData: { ...input, onProgress: undefined },
    execArgv: fromBuild ? [] : ['--require', 'ts-node/register/transpile-only'],
  });
  return new Promise((resolve, reject) => {
    worker.on('message', (msg: { progress?: number; result?: MatchingResult; error?: string }) => {
      if (msg.progress !== undefined) onProgress(msg.progress);
      if (msg.result) resolve(msg.result);
      if (msg.error) reject(new Error(msg.error));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`The matching thread stopped with exit code ${code}`));
    });
  });
}
