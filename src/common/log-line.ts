import pino, { type Logger as Pino } from 'pino';

/** What a request line says about the request (logging.ts's requestFields). */
export interface RequestFields {
  id: string;
  method: string;
  url: string;
  remoteAddress: string | undefined;
}

export type RequestLineWriter = (
  req: RequestFields,
  statusCode: number,
  responseTime: number,
  msg: string,
) => void;

const s = pino.symbols;

/** Printable ASCII but `"` and `\\`: such a string is its own JSON between quotes. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * JSON.stringify(req), the same bytes. The fields are nearly always plain (the id is plain or a
 * UUID, the method a token): one regular expression test over all four, then each between quotes,
 * where V8's serializer (one call for the fields, one for the message) cost 7.8k instructions a
 * request (callgrind, GET /interests), a test per field ~0.9k each, a loop over the characters
 * more. Any other field goes to JSON.stringify.
 */
function requestJson({ id, method, url, remoteAddress: ip }: RequestFields): string {
  const all = ip === undefined ? id + method + url : id + method + url + ip;
  if (!PLAIN.test(all)) {
    return `{"id":${JSON.stringify(id)},"method":${JSON.stringify(method)},"url":${JSON.stringify(url)}${ip === undefined ? '' : `,"remoteAddress":${JSON.stringify(ip)}`}}`;
  }
  return `{"id":"${id}","method":"${method}","url":"${url}"${ip === undefined ? '' : `,"remoteAddress":"${ip}"`}}`;
}

/** The JSON of the messages requestLogging writes, made once. */
const MESSAGES = new Map(
  ['request completed', 'request errored', 'request aborted'].map((m) => [m, JSON.stringify(m)]),
);

/**
 * Pino's epochTime (`,"time":` and Date.now()), the same text, made once per millisecond: a busy
 * server writes tens of lines in one, and the number's text (a double: no small-integer cache)
 * cost ~1k instructions each time.
 */
let lastMs = Number.NaN;
let lastTime = '';
function epochTime(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTime = `,"time":${now}`;
  }
  return lastTime;
}

/**
 * Writes `logger.info({ req, res: { statusCode }, responseTime }, msg)` as pino would, the same
 * bytes, from a template: pino's pieces (level label, time, bindings, end of line) around the
 * request's fields as JSON (requestJson), straight to the logger's stream. Pino walks the object
 * key by key, looks up serializers, formatters and mixins per call; this line has none of them.
 * A logger configured with any (a mixin, a log formatter, redaction, a message prefix, another
 * message key, a nested key, a stream wanting metadata) gets pino's own call instead.
 */
export function requestLineWriter(logger: Pino): RequestLineWriter {
  const own = logger as unknown as Record<symbol, unknown>;
  const formatters = own[s.formattersSym] as { log?: unknown };
  const serializers = own[s.serializersSym] as Record<string, unknown>;
  const stringifiers = own[s.stringifiersSym] as Record<string | symbol, unknown>;
  const hooks = own[s.hooksSym] as { streamWrite?: unknown };
  const stream = own[s.streamSym] as { write(line: string): void } & Record<symbol, unknown>;
  const plain =
    !own[s.mixinSym] &&
    !formatters.log &&
    !hooks.streamWrite &&
    !own[(s as unknown as Record<string, symbol>).msgPrefixSym] &&
    !own[s.nestedKeySym] &&
    own[s.messageKeySym] === 'msg' &&
    ['req', 'res', 'responseTime'].every((key) => !serializers[key]) &&
    Reflect.ownKeys(stringifiers).length === 0 &&
    stream[s.needsMetadataGsym] !== true;
  if (!plain) {
    return (req, statusCode, responseTime, msg) =>
      logger.info({ req, res: { statusCode }, responseTime }, msg);
  }
  const timeOf = own[s.timeSym] as () => string;
  const time = timeOf === pino.stdTimeFunctions.epochTime ? epochTime : timeOf;
  const labels = own[s.lsCacheSym] as Record<number, string>;
  const info = logger.levels.values.info;
  return (req, statusCode, responseTime, msg) => {
    if (!logger.isLevelEnabled('info')) return;
    stream.write(
      `${labels[info]}${time()}${own[s.chindingsSym] as string},"req":${requestJson(req)},"res":{"statusCode":${statusCode}},"responseTime":${responseTime},"msg":${MESSAGES.get(msg) ?? JSON.stringify(msg)}${own[s.endSym] as string}`,
    );
  };
}
