import {
  MessageChannel,
  type MessagePort,
  parentPort,
  receiveMessageOnPort,
  type Transferable,
  Worker,
  workerData,
} from 'node:worker_threads';
import { threadScript } from './thread-script';

/**
 * A second thread that a synchronous computation hands part of its work to and then waits for,
 * so a pure function (the matching engine) can use both cores and still be a plain function.
 * The caller blocks in Atomics.wait and reads the reply with receiveMessageOnPort; no event
 * loop turn is needed on its side. Starting the helper early lets its start-up (about 70 ms
 * for the compiled code) overlap the caller's own work.
 */
/** Slots of the shared signal: answers given so far, and 1 once the thread listens. */
const ANSWERS = 0;
const READY = 1;

export class SyncHelper {
  private seq = 0;
  /** set once the thread failed to come up: the caller then does the work itself */
  private broken = false;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
  ) {}

  /**
   * Starts `entry` (a path without extension) in a thread: the compiled .js when there is one;
   * the .ts through ts-node only when `fromSource` allows it (tests), since that start-up takes
   * seconds. Returns null when there is nothing to start.
   */
  static start(entry: string, fromSource = false): SyncHelper | null {
    const script = threadScript(entry);
    if (script === null || (script.execArgv.length > 0 && !fromSource)) return null;
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    let worker: Worker;
    try {
      worker = new Worker(script.file, {
        workerData: { port: port2, signal },
        transferList: [port2],
        execArgv: script.execArgv,
      });
    } catch {
      return null; // no thread to be had (limits): the caller works alone
    }
    // A thread that dies on start-up reports it here; nobody else listens.
    worker.on('error', () => undefined);
    // The caller never waits for the thread's exit; an idle helper must not keep it alive.
    worker.unref();
    return new SyncHelper(worker, port1, signal);
  }

  /**
   * Hands `task` to the helper and returns the function that waits for its result (and throws
   * what the task threw); the caller does its own share in between. Null when the thread did
   * not come up within `readyMs` (a broken build, say): the caller then does the task itself,
   * and every later call returns null at once.
   */
  send<R>(
    task: string,
    input: unknown,
    transfer: Transferable[] = [],
    readyMs = 20_000,
  ): (() => R) | null {
    if (this.broken) return null;
    if (!this.waitUntil(READY, 1, readyMs)) {
      this.broken = true;
      this.close();
      return null;
    }
    const seq = ++this.seq;
    this.port.postMessage({ task, input }, transfer);
    return () => this.wait<R>(task, seq);
  }

  private wait<R>(task: string, seq: number, timeoutMs = 900_000): R {
    if (!this.waitUntil(ANSWERS, seq, timeoutMs)) {
      throw new Error(`helper thread gave no answer to ${task} in ${timeoutMs} ms`);
    }
    const reply = receiveMessageOnPort(this.port)?.message as
      { result?: R; error?: string } | undefined;
    if (reply === undefined) throw new Error(`helper thread answered ${task} without a message`);
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply.result as R;
  }

  /** Blocks until signal[index] reaches `value`; false when `ms` pass first. */
  private waitUntil(index: number, value: number, ms: number): boolean {
    const deadline = Date.now() + ms;
    for (;;) {
      const now = Atomics.load(this.signal, index);
      if (now >= value) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.wait(this.signal, index, now, left);
    }
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

export interface HelperReply {
  result: unknown;
  transfer?: Transferable[];
}

/** The helper's side: answers each task with its handler's result, then wakes the caller. */
export function serveHelper(handlers: Record<string, (input: never) => HelperReply>): void {
  if (parentPort === null) throw new Error('serveHelper must run in a worker thread');
  const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
  port.on('message', ({ task, input }: { task: string; input: never }) => {
    try {
      const handler = handlers[task];
      if (handler === undefined) throw new Error(`helper thread has no task ${task}`);
      const reply = handler(input);
      port.postMessage({ result: reply.result }, reply.transfer ?? []);
    } catch (err) {
      port.postMessage({ error: err instanceof Error ? err.message : String(err) });
    }
    // The message is queued before the caller wakes, so it can read it at once.
    Atomics.add(signal, ANSWERS, 1);
    Atomics.notify(signal, ANSWERS);
  });
  Atomics.store(signal, READY, 1);
  Atomics.notify(signal, READY);
}
