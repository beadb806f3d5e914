import {
  IncomingMessage,
  ServerResponse,
  validateHeaderName,
  validateHeaderValue,
} from 'node:http';
import { Socket } from 'node:net';

type Entry = [string, string];
/** A response's header store: each field under its lowercase name, as [name, value]. */
export type OutHeaders = Record<string, Entry>;

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
 * A maker of stores holding the fixed fields and the two named, each value its own entry array
 * (Node's appendHeader grows an entry in place). Its code names each field literally, so each
 * store site meets one object shape; a loop's one site met them all and fell to V8's generic
 * keyed store for every field. Node's store has no prototype (no inherited names such as
 * `constructor`); so does this one's chain, but made by a constructor it stays a fast object: one
 * from Object.create(null) is a dictionary, whose keys writeHead's for-in had to collect and sort
 * (callgrind, GET /interests: ~9k instructions a request more). The names are checked header
 * names: no double quote, no backslash.
 */
function storeMaker(
  fixed: readonly Entry[],
  named: readonly [string, string],
): new (value1: string, value2: string) => OutHeaders {
  const field = (name: string, value: string) =>
    `this[${JSON.stringify(name)}] = [${JSON.stringify(name)}, ${value}];`;
  const body = [
    ...fixed.map(([name], i) => field(name, `fixed[${i}]`)),
    field(named[0], 'value1'),
    field(named[1], 'value2'),
  ];
  const make = new Function(
    'fixed',
    `return function Store(value1, value2) {\n${body.join('\n')}\n};`,
  )(fixed.map(([, value]) => value)) as new (value1: string, value2: string) => OutHeaders;
  make.prototype = Object.create(null) as object;
  return make;
}

/**
 * Header fields put on a response as setHeader leaves them, without setHeader's checks: the fixed
 * ones are checked here, once, and `set` must be handed values for `named` already known to be
 * valid. Node checks every field Fastify hands to writeHead (a regular expression over each name
 * and value, the Content-Security-Policy's 400 characters included) and Fastify lowercases each
 * name as it is set; stored here they skip both, and writeHead still checks the fields Fastify
 * adds. Fields set later (reply.header, setHeader) replace these.
 */
export function presetHeaders(fixed: Record<string, string>, named: readonly [string, string]) {
  const entries = Object.entries(fixed).map(([name, value]): Entry => {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return [name.toLowerCase(), value];
  });
  for (const name of named) validateHeaderName(name);
  const Store = storeMaker(entries, [named[0].toLowerCase(), named[1].toLowerCase()]);
  return {
    /** Checks a value that `set` will be handed, once, at start. */
    check(name: string, value: string): string {
      validateHeaderName(name);
      validateHeaderValue(name, value);
      return value;
    },
    /**
     * The fixed fields and the two named ones with these values on `res`; false, doing nothing,
     * when this Node stores headers otherwise or `res` already has some.
     */
    set(res: ServerResponse, value1: string, value2: string): boolean {
      if (!OUT_HEADERS) return false;
      const raw = res as unknown as Record<symbol, OutHeaders | null>;
      if (raw[OUT_HEADERS]) return false;
      raw[OUT_HEADERS] = new Store(value1, value2);
      return true;
    },
  };
}

/**
 * The header store `res` already has (presetHeaders' or setHeader's), for fields known valid to be
 * put there as setHeader would leave them (`store.name = ['name', value]`, lowercase), without
 * its checks; undefined when it has none or this Node stores headers otherwise: set them as usual.
 */
export function headerStore(res: ServerResponse): OutHeaders | undefined {
  if (!OUT_HEADERS) return undefined;
  return (res as unknown as Record<symbol, OutHeaders | null>)[OUT_HEADERS] ?? undefined;
}

/** `value`, once checked as the value of header `name` (as setHeader would at every use). */
export function checkedHeader(name: string, value: string): string {
  validateHeaderName(name);
  validateHeaderValue(name, value);
  return value;
}
