import { parentPort, workerData } from 'node:worker_threads';
import { matchPenpals, MatchingInput } from './matching';

// Runs the pure engine off the main thread and reports progress as messages.
const input = workerData as MatchingInput;
try {
  const result = matchPenpals({
    ...input,
    onProgress: (fraction) => parentPort?.postMessage({ progress: fraction }),
  });
  parentPort?.postMessage({ result });
} catch (err) {
  parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
