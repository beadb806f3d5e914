import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

type Hook = (
  this: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  done: (err?: Error) => void,
) => unknown;
type Hooks = Record<'onRequest' | 'onResponse', Hook[]>;

/** Fastify's store of an instance's hooks (not exported), found by its symbol's description. */
function hooksOf(fastify: FastifyInstance): Hooks | undefined {
  const owned = fastify as unknown as Record<symbol, Hooks | undefined>;
  const key = Object.getOwnPropertySymbols(fastify).find((s) => s.description === 'fastify.hooks');
  const hooks = key && owned[key];
  return Array.isArray(hooks?.onRequest) && Array.isArray(hooks?.onResponse) ? hooks : undefined;
}

/**
 * The onRequest hooks a FastifyAdapter adds as it is made (the slot of setOnRequestHook, CORS,
 * the routable-target check, versioning errors) run as one
 * hook that calls them in turn as Fastify's runner would (none once a reply is sent; a throw or
 * a rejection passed on as an error); and its onResponse hook, which only calls a hook given to
 * setOnResponseHook, goes, that setter then failing loudly. Fastify's runner costs each hook a
 * continuation and a bound call, and any onResponse hook makes every response run one: on bare
 * Fastify (callgrind, client included) 4 hooks and an onResponse hook took 283.8k instructions a
 * request, the same 4 merged and no onResponse hook 268.9k, one hook alone 271.3k.
 * Call it on the adapter just made, before Nest or a plugin asks for hooks; nothing changes when
 * this Fastify keeps its hooks otherwise.
 */
export function mergeAdapterHooks(adapter: FastifyAdapter): void {
  const fastify = adapter.getInstance();
  // Fastify adds a hook when it boots, in the order asked: this runs after the adapter's.
  fastify.after((err) => {
    const hooks = hooksOf(fastify);
    if (err || !hooks || hooks.onRequest.length < 2) return;
    merge(hooks);
    if (dropInert(fastify, hooks.onResponse) === 0) return;
    adapter.setOnResponseHook = () => {
      throw new Error('mergeAdapterHooks removed the onResponse hook that would call this one');
    };
  });
}

/** A request or reply that fails on any use, to see whether a hook does anything with them. */
const untouchable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('touched');
    },
    set: () => false,
    has: () => {
      throw new Error('touched');
    },
  },
);

/**
 * Removes the onResponse hooks that, given a request and a reply, touch neither and only call
 * done(): the adapter's calls a setOnResponseHook hook when one is set, and none is. Tried once,
 * at boot; a hook that a later Nest makes do real work reads its request or reply, fails the
 * trial, and stays. Answers how many went.
 */
function dropInert(fastify: FastifyInstance, onResponse: Hook[]): number {
  const kept = onResponse.filter((hook) => {
    let doneWith = -1;
    try {
      hook.call(fastify, untouchable as FastifyRequest, untouchable as FastifyReply, (...args) => {
        doneWith = args.length;
      });
    } catch {
      return true;
    }
    return doneWith !== 0;
  });
  const dropped = onResponse.length - kept.length;
  onResponse.splice(0, onResponse.length, ...kept);
  return dropped;
}

function merge(hooks: Hooks): void {
  const onRequest = hooks.onRequest.splice(0);
  hooks.onRequest.push(function adapterHooks(req, reply, done) {
    let i = 0;
    const next = (err?: Error) => {
      if (err || i === onRequest.length) return done(err);
      if (reply.sent) return;
      let result: unknown;
      try {
        result = onRequest[i++].call(this, req, reply, next);
      } catch (error) {
        return done(error as Error);
      }
      if (result instanceof Promise) result.then(() => next(), done);
    };
    next();
  });
}

/** Methods whose requests Fastify never reads a body of (no content-type parser runs). */
const bodyless = (route: RouteOptions) =>
  [route.method].flat().every((m) => m === 'GET' || m === 'HEAD');

/**
 * Registers a plugin (`register` does) whose onResponse hooks concern a request's body, and puts
 * them on the routes that can read one instead of on the instance: @fastify/multipart's deletes
 * the temporary files of its saveRequestFiles, which can only have written some for a request its
 * content-type parser ran on, never a GET or HEAD. Fastify gives a route with no onResponse hook
 * no response listeners at all ('finish' and 'error' listeners, two clock reads, the hook's
 * promise), and this one made every request of every route, the GET ones included, pass through
 * them. Call it before any route is added (an earlier one would miss the hooks); with a Fastify
 * that keeps its hooks otherwise, the plugin is registered as usual.
 */
export async function onResponseWhereBodies(
  fastify: FastifyInstance,
  register: () => PromiseLike<unknown>,
): Promise<void> {
  const hooks = hooksOf(fastify);
  if (!hooks) {
    await register();
    return;
  }
  const before = [...hooks.onResponse];
  const moved: Hook[] = [];
  fastify.addHook('onRoute', (route) => {
    if (moved.length === 0 || bodyless(route)) return;
    const own = [route.onResponse ?? []].flat() as Hook[];
    route.onResponse = [...moved, ...own] as RouteOptions['onResponse'];
  });
  await register();
  moved.push(...hooks.onResponse.filter((hook) => !before.includes(hook)));
  hooks.onResponse.splice(0, hooks.onResponse.length, ...before);
}
