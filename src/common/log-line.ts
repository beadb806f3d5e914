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

/** Whether every character is printable ASCII but `"` and `\\`: its own JSON between quotes. */
function plain(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

/**
 * JSON.stringify(text), the same bytes: a plain string (every request line's fields, nearly
 * always) is quoted without a call into V8's serializer, which cost more than the rest of the line
 * (callgrind, GET /interests: 7.8k instructions a request for the line's two calls; a regular
 * expression test instead, ~0.9k each).
 */
const jsonString = (text: string): string => (plain(text) ? `"${text}"` : JSON.stringify(text));

/** JSON.stringify(req), the same bytes, field by field (the fields' order is the interface's). */
const requestJson = (req: RequestFields): string =>
  `{"id":${jsonString(req.id)},"method":${jsonString(req.method)},"url":${jsonString(req.url)}${
    req.remoteAddress === undefined ? '' : `,"remoteAddress":${jsonString(req.remoteAddress)}`
  }}`;

/**
 * Writes `logger.info({ req, res: { statusCode }, responseTime }, msg)` as pino would, the same
 * bytes, from a template: pino's pieces (level label, time, bindings, end of line) around one
 * JSON.stringify of the request's fields, straight to the logger's stream. Pino walks the object
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
  const time = own[s.timeSym] as () => string;
  const labels = own[s.lsCacheSym] as Record<number, string>;
  const info = logger.levels.values.info;
  return (req, statusCode, responseTime, msg) => {
    if (!logger.isLevelEnabled('info')) return;
    stream.write(
      `${labels[info]}${time()}${own[s.chindingsSym] as string},"req":${requestJson(req)},"res":{"statusCode":${statusCode}},"responseTime":${responseTime},"msg":${jsonString(msg)}${own[s.endSym] as string}`,
    );
  };
}
