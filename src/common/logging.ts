import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Global, Module, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Logger, PARAMS_PROVIDER_TOKEN, type Params, PinoLogger } from 'nestjs-pino';
import pino, { type Logger as Pino } from 'pino';
import { AppConfig } from '../config/app-config';
import { maskTokens } from './crypto/token-links';
import { type RequestFields, requestLineWriter } from './log-line';

type Destination = ReturnType<typeof pino.destination>;

/** What RootLogger flushes: the lines it holds, then what the destination has not written. */
interface Flushable {
  flushSync(): void;
  /** From the application's shutdown on, each line is written at once. */
  writeThrough(): void;
}

/**
 * The process's lines, held as one string until 4,096 characters (4 kB or more) are there, then
 * handed to the destination in one write(2); every 200 ms too (a quiet server's last lines). The
 * destination (sonic-boom) is told to write what it is handed at once: its own holding back
 * measured the bytes of all it held on every line (Buffer.byteLength of a string that grows to
 * 4 kB: ~0.8 µs a request line of the 1.5 µs it cost, 400k lines to a file). Pino's lines and the
 * request lines go through the same holder, in the order they were logged.
 */
class HeldLines implements Flushable {
  private held = '';
  private holdUpTo = 4096;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly destination: Destination) {
    this.timer = setInterval(() => this.release(), 200);
    this.timer.unref();
  }

  write(line: string): boolean {
    this.held += line;
    if (this.held.length >= this.holdUpTo) this.release();
    return true;
  }

  /** The held lines to the destination, which writes them at once. */
  private release(): void {
    if (this.held === '') return;
    const lines = this.held;
    this.held = '';
    this.destination.write(lines);
  }

  /** Pino's logger.flush(cb): the held lines written, then cb (the destination writes at once). */
  flush(cb?: (err?: Error) => void): void {
    this.release();
    this.destination.flush(cb);
  }

  /**
   * Everything written, for exit and shutdown (and pino's fatal): sonic-boom's flushSync also
   * writes what a full pipe made it keep, then fsyncs the file, which no regular write should wait on.
   */
  flushSync(): void {
    this.release();
    this.destination.flushSync();
  }

  writeThrough(): void {
    this.holdUpTo = 0;
    clearInterval(this.timer);
    this.flushSync();
  }
}

/**
 * The process's pino logger: Nest's logs and the request lines, as JSON to stdout or LOG_FILE.
 * Its lines gather in memory and go out in one write(2) per 4 kB, about 20 request lines, where
 * each line was a write of its own: a request line to a file took 5.1 µs of CPU, 1.4-2.0 µs so
 * (200k lines through pino's destination, on a busy machine), 0.7-0.8 µs held by HeldLines.
 * None waits long or is lost: they are written every 200 ms (a quiet server's last lines),
 * at the process's exit (process.exit, an uncaught error) and, from the application's shutdown
 * on, each line at once: Nest ends a signalled process by raising the signal again, with no
 * 'exit' event.
 */
export class RootLogger implements OnModuleDestroy {
  private readonly flushAtExit = () => this.destination?.flushSync();

  constructor(
    readonly pino: Pino,
    private readonly destination?: Flushable,
  ) {
    if (destination) process.on('exit', this.flushAtExit);
  }

  onModuleDestroy(): void {
    if (!this.destination) return;
    this.destination.writeThrough();
    process.off('exit', this.flushAtExit);
  }
}

export function rootLogger(config: Pick<AppConfig, 'LOG_FILE' | 'LOG_LEVEL'>): RootLogger {
  const destination = pino.destination({
    dest: config.LOG_FILE ?? 1,
    mkdir: config.LOG_FILE !== undefined,
    // Written from this thread, at once: HeldLines holds them back.
    sync: true,
    minLength: 0,
  });
  const held = new HeldLines(destination);
  return new RootLogger(pino({ level: config.LOG_LEVEL }, held), held);
}

/**
 * nestjs-pino's Logger (Nest's logs as JSON) on the root logger, without its LoggerModule, which
 * runs pino-http as a Nest middleware. The request lines come from requestLogging below.
 */
@Global()
@Module({
  providers: [
    {
      provide: RootLogger,
      inject: [AppConfig],
      useFactory: rootLogger,
    },
    {
      provide: PARAMS_PROVIDER_TOKEN,
      inject: [RootLogger],
      // A logger handed over ({ logger }) is the one nestjs-pino logs to outside a request.
      useFactory: ({ pino: logger }: RootLogger): Params => ({ pinoHttp: { logger } }),
    },
    PinoLogger,
    Logger,
  ],
  exports: [Logger, PinoLogger, RootLogger],
})
export class LoggingModule {}

const kRequest = Symbol('kenal.request');
const kStart = Symbol('kenal.start');
const kRoot = Symbol('kenal.rootLogger');
type Traced = ServerResponse & { [kRequest]?: FastifyRequest; [kStart]?: number };
type Rooted = IncomingMessage & { [kRoot]?: Pino };

/**
 * What a request line says about the request, from a fixed list of fields: no header, cookie or
 * body is ever read, so no redaction is needed (an Authorization bearer or cookie cannot reach a
 * line). The id is plain or a UUID (requestId); the method is an HTTP token; the one field a
 * client fills freely, the URL, has the token of every emailed link and any `token` query value
 * masked.
 */
const requestFields = (req: FastifyRequest): RequestFields => ({
  id: req.id,
  method: req.method,
  url: maskTokens(req.url),
  remoteAddress: req.ip,
});

/**
 * Fastify onRequest hook: one line per request when its response is over (sent, or cut short by
 * the client), at the default level, with the status and the time taken; health checks unlogged.
 * The line is built from plain fields when the response is done (requestLineWriter: pino's bytes
 * from a template, ~8k instructions a request fewer than pino's own call under callgrind), where
 * pino-http made a child logger per request, serialized the whole request and response with their
 * headers and ran redaction paths (GET /interests: 495k instructions a request under callgrind before,
 * 308k after, with the hook changes made beside it). No AsyncLocalStorage context is opened: on
 * Node 20 one store run turns on promise hooks for every promise of the process.
 */
export function requestLogging({ pino: root }: RootLogger) {
  const writeLine = requestLineWriter(root);
  function onClose(this: Traced) {
    const req = this[kRequest];
    if (!req) return;
    this[kRequest] = undefined;
    const msg = !this.writableFinished
      ? 'request aborted'
      : this.statusCode >= 500
        ? 'request errored'
        : 'request completed';
    writeLine(
      requestFields(req),
      this.statusCode,
      Math.round((performance.now() - (this[kStart] ?? 0)) * 10) / 10,
      msg,
    );
  }
  return (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    (req.raw as Rooted)[kRoot] = root;
    if (req.url !== '/api/v1/health') {
      const res = reply.raw as Traced;
      res[kRequest] = req;
      res[kStart] = performance.now();
      res.on('close', onClose);
    }
    done();
  };
}

/**
 * The request's own logger, for what a request logs about itself (the problem filter's 500s): its
 * lines carry the request's fields. Made only when asked, from the root logger requestLogging left.
 */
export function requestLog(req: FastifyRequest): Pino | undefined {
  return (req.raw as Rooted | undefined)?.[kRoot]?.child({ req: requestFields(req) });
}
