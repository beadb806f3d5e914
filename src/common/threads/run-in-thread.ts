import { parentPort, Worker, workerData } from 'node:worker_threads';
import { threadScript } from './thread-script';

export interface ThreadMessage<R> {
  progress?: number;
  result?: R;
  error?: string;
}

/**
 * Runs a pure computation in a worker thread, so the process stays responsive while it works:
 * HTTP keeps answering, BullMQ keeps renewing job locks, progress keeps being written.
 * `entry` is the worker file without extension: from the build the compiled .js runs; from sources
 * (tests, ts-node) the .ts is loaded through ts-node.
 */
export function runInThread<R>(
  entry: string,
  data: unknown,
  onProgress?: (fraction: number) => void,
): Promise<R> {
  const script = threadScript(entry);
  if (script === null) return Promise.reject(new Error(`No thread script for ${entry}`));
  const worker = new Worker(script.file, { workerData: data, execArgv: script.execArgv });
  return new Promise<R>((resolve, reject) => {
    worker.on('message', (msg: ThreadMessage<R>) => {
      if (msg.progress !== undefined) onProgress?.(msg.progress);
      if (msg.result !== undefined) resolve(msg.result);
      if (msg.error !== undefined) reject(new Error(msg.error));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`The worker thread stopped with exit code ${code}`));
    });
  });
}

/** The thread side: runs `work` on the data it was given and posts progress and the result. */
export function serveThread<I, R>(
  work: (data: I, progress: (fraction: number) => void) => R,
): void {
  try {
    const result = work(workerData as I, (fraction) =>
      parentPort?.postMessage({ progress: fraction }),
    );
    parentPort?.postMessage({ result });
  } catch (err) {
    parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
}
