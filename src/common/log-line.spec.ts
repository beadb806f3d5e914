import fc from 'fast-check';
import pino, { type LoggerOptions } from 'pino';
import { type RequestFields, requestLineWriter } from './log-line';

/** A logger writing into `lines`, with a time that the test sets. */
function capture(options: LoggerOptions = {}) {
  const lines: string[] = [];
  let now = 0;
  const logger = pino(
    { timestamp: () => `,"time":${now}`, ...options },
    { write: (line: string) => void lines.push(line) },
  );
  return { lines, logger, at: (t: number) => (now = t) };
}

const fields: fc.Arbitrary<RequestFields> = fc.record({
  id: fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/)),
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
  url: fc.string({ unit: 'binary' }).map((s) => `/api/v1/${s}`),
  remoteAddress: fc.option(fc.oneof(fc.ipV4(), fc.ipV6()), { nil: undefined }),
});
const line = fc.tuple(
  fields,
  fc.integer({ min: 100, max: 599 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((ms) => Math.round(ms * 10) / 10),
  fc.constantFrom('request completed', 'request errored', 'request aborted'),
  fc.nat(),
);

describe('requestLineWriter', () => {
  it("writes pino's own bytes for a request line", () => {
    const ours = capture();
    const theirs = capture();
    const write = requestLineWriter(ours.logger);
    fc.assert(
      fc.property(line, ([req, statusCode, responseTime, msg, time]) => {
        ours.at(time);
        theirs.at(time);
        write(req, statusCode, responseTime, msg);
        theirs.logger.info({ req, res: { statusCode }, responseTime }, msg);
        expect(ours.lines.pop()).toBe(theirs.lines.pop());
      }),
      { numRuns: 500 },
    );
  });

  it("writes pino's bytes for the characters JSON escapes, in any field of the request, and for no address", () => {
    const ours = capture();
    const theirs = capture();
    const write = requestLineWriter(ours.logger);
    const odd = [
      '"',
      '\\',
      '\n',
      '\u0000',
      '\u001f',
      ' ',
      '~',
      '\u007f',
      'é',
      '\ud800',
      '\u2028',
      '',
    ];
    for (const text of odd) {
      for (const req of [
        { id: `a${text}`, method: 'GET', url: `/api/v1/x${text}y`, remoteAddress: `::1${text}` },
        { id: 'a', method: `GET${text}`, url: text, remoteAddress: undefined },
      ]) {
        write(req, 200, 1, 'request completed');
        theirs.logger.info({ req, res: { statusCode: 200 }, responseTime: 1 }, 'request completed');
        expect(ours.lines.pop()).toBe(theirs.lines.pop());
      }
    }
  });

  it("writes pino's own time (its default clock), a new one each millisecond", () => {
    const lines: string[] = [];
    const logger = pino({}, { write: (l: string) => void lines.push(l) });
    const write = requestLineWriter(logger);
    const now = jest.spyOn(Date, 'now');
    try {
      for (const t of [
        1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_000,
      ]) {
        now.mockReturnValue(t);
        const req = { id: 'a', method: 'GET', url: '/x', remoteAddress: '::1' };
        write(req, 200, 1, 'request completed');
        logger.info({ req, res: { statusCode: 200 }, responseTime: 1 }, 'request completed');
        const [ours, theirs] = lines.splice(0);
        expect(ours).toBe(theirs);
        expect(ours).toContain(`"time":${t},`);
      }
    } finally {
      now.mockRestore();
    }
  });

  it('writes nothing below its level, and hands a configured logger to pino', () => {
    const quiet = capture({ level: 'warn' });
    requestLineWriter(quiet.logger)(
      { id: 'a', method: 'GET', url: '/', remoteAddress: '::1' },
      200,
      1,
      'request completed',
    );
    expect(quiet.lines).toEqual([]);
    const mixed = capture({ mixin: () => ({ app: 'kenal' }) });
    const redacted = capture({ redact: ['req.url'] });
    for (const { logger, lines } of [mixed, redacted]) {
      requestLineWriter(logger)(
        { id: 'a', method: 'GET', url: '/x', remoteAddress: '::1' },
        200,
        1,
        'request completed',
      );
      expect(lines).toHaveLength(1);
    }
    expect(JSON.parse(mixed.lines[0])).toMatchObject({ app: 'kenal', req: { url: '/x' } });
    expect(JSON.parse(redacted.lines[0])).toMatchObject({ req: { url: '[Redacted]' } });
  });
});
