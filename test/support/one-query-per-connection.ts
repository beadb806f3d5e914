import { Client } from 'pg';

/**
 * A second query sent on a connection that is still busy (a transaction's manager used from
 * Promise.all) only draws a deprecation warning from pg 8, and an error from pg 9. Fail the
 * suite instead, naming where it was sent from. TypeORM's own schema diff (schema.e2e-spec) does
 * this internally; it is not the platform's code and is left out.
 */
const busy: string[] = [];
type Query = (this: Client, ...args: unknown[]) => unknown;
const proto = Client.prototype as unknown as { query: Query };
const query = proto.query;
proto.query = function (this: Client, ...args: unknown[]) {
  const queue = (this as unknown as { _queryQueue?: unknown[] })._queryQueue;
  if (queue !== undefined && queue.length > 0) {
    const stack = new Error('busy connection').stack ?? '';
    if (!stack.includes('RdbmsSchemaBuilder')) busy.push(stack);
  }
  return query.apply(this, args);
};

afterAll(() => {
  if (busy.length > 0) {
    throw new Error(`queries sent on a busy connection:\n${busy.join('\n\n')}`);
  }
});
