import {
  IncomingMessage,
  ServerResponse,
  validateHeaderName,
  validateHeaderValue,
} from 'node:http';
import { Socket } from 'node:net';

type Entry = [string, string];
type OutHeaders = Record<string, Entry>;

/**
 * Node's own store of the headers set on a response (setHeader's), found by looking: it is not
 * exported. Undefined if a Node version stores them otherwise; the caller then sets them as usual.
 */
function findOutHeaders(): symbol | undefined {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  res.setHeader('x-probe', 'found');
  const owned = res as unknown as Record<symbol, unknown>;
  return Object.getOwnPropertySymbols(res).find((s) => {
    const store = owned[s] as OutHeaders | null | undefined;
    return (
      s.description === 'kOutHeaders' &&
      Object.getPrototypeOf(store) === null &&
      store?.['x-probe']?.[1] === 'found'
    );
  });
}

const OUT_HEADERS = findOutHeaders();

/**
 * Node's store has no prototype (no inherited names such as `constructor`); so does this one's
 * chain, but made by a constructor it stays a fast object: one from Object.create(null) is a
 * dictionary, whose keys writeHead's for-in had to collect and sort (callgrind, GET /interests:
 * ~9k instructions a request more than this).
 */
const Store = function Store() {} as unknown as new () => OutHeaders;
Store.prototype = Object.create(null) as object;

/**
 * Header fields put on a response as setHeader leaves them, without setHeader's checks: the fixed
 * ones are checked here, once, and `set` must be handed values already known to be valid. Node
 * checks every field Fastify hands to writeHead (a regular expression over each name and value,
 * the Content-Security-Policy's 400 characters included) and Fastify lowercases each name as it
 * is set; stored here they skip both, and writeHead still checks the fields Fastify adds.
 * Fields set later (reply.header, setHeader) replace these.
 */
export function presetHeaders(fixed: Record<string, string>) {
  const entries = Object.entries(fixed).map(([name, value]): Entry => {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return [name.toLowerCase(), value];
  });
  return {
    /** Checks a value that `set` will be handed, once, at start. */
    check(name: string, value: string): string {
      validateHeaderName(name);
      validateHeaderValue(name, value);
      return value;
    },
    /**
     * The fixed fields and the two given (lowercase names, valid values) on `res`; false, doing
     * nothing, when this Node stores headers otherwise or `res` already has some.
     */
    set(res: ServerResponse, name1: string, value1: string, name2: string, value2: string) {
      if (!OUT_HEADERS) return false;
      const raw = res as unknown as Record<symbol, OutHeaders | null>;
      if (raw[OUT_HEADERS]) return false;
      const out = new Store();
      // Each entry its own array: Node's appendHeader grows an entry in place.
      for (const [name, value] of entries) out[name] = [name, value];
      out[name1] = [name1, value1];
      out[name2] = [name2, value2];
      raw[OUT_HEADERS] = out;
      return true;
    },
  };
}
