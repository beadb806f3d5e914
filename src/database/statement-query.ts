import * as pg from 'pg';

/**
 * One run of a named prepared statement, as a pg "Submittable" (client.query accepts any object
 * with submit(connection)). pg's own Query sends Describe on every run of a named statement and
 * builds the RowDescription's parsers again each time; this one describes a statement once per
 * connection and then sends only Bind, Execute and Sync, building rows with the parsers it kept.
 *
 * Keeping the row shape is safe because PostgreSQL fixes a protocol-level prepared statement's
 * result type: if a migration changes it (a column's type or name), Bind fails with "cached plan
 * must not change result type" instead of returning rows of another shape. That error (and
 * "prepared statement does not exist", after a DISCARD) makes the next run on that connection
 * close and prepare the statement again; isStalePlan tells the caller it may run it once more.
 */

type Parser = (text: string) => unknown;

/** A statement's result as its RowDescription gave it: column names and their parsers. */
interface Shape {
  keys: string[];
  parsers: Parser[];
}

/** The part of pg's Connection (pg/lib/connection.js) a query talks to. */
interface Connection {
  parsedStatements: Record<string, string | undefined>;
  submittedNamedStatements: Record<string, string | undefined>;
  stream: { cork?: () => void; uncork?: () => void };
  parse(msg: { name: string; text: string }): void;
  bind(msg: { statement: string; values: unknown[] }): void;
  describe(msg: { type: 'P' | 'S'; name: string }): void;
  execute(msg: { portal: string }): void;
  close(msg: { type: 'S'; name: string }): void;
  sync(): void;
}

interface Field {
  name: string;
  dataTypeID: number;
}

interface StatementState {
  shapes: Map<string, Shape>;
  /** Statements PostgreSQL still holds but that must be closed and prepared again. */
  stale: Set<string>;
}

const states = new WeakMap<Connection, StatementState>();

function stateOf(connection: Connection): StatementState {
  let state = states.get(connection);
  if (state === undefined) {
    state = { shapes: new Map(), stale: new Set() };
    states.set(connection, state);
  }
  return state;
}

const { prepareValue } = (pg as unknown as { utils: { prepareValue: (v: unknown) => unknown } })
  .utils;

/** PostgreSQL's own words when a migration changed a prepared statement's result type. */
export function isStalePlan(err: unknown): boolean {
  return (
    err instanceof pg.DatabaseError &&
    ((err.code === '0A000' && err.routine === 'RevalidateCachedQuery') || err.code === '26000')
  );
}

type Callback = (err: Error | null, rows?: unknown[]) => void;

export class StatementQuery {
  /** Read by pg's Client: its ParseComplete handler records the statement as parsed. */
  readonly name: string;
  readonly text: string;
  callback: Callback | undefined;
  private readonly values: unknown[];
  private shape: Shape | undefined;
  private described = false;
  private readonly rows: unknown[] = [];
  private rowError: Error | undefined;
  private connection: Connection | undefined;

  constructor(name: string, text: string, values: unknown[], callback?: Callback) {
    this.name = name;
    this.text = text;
    this.values = values;
    this.callback = callback;
  }

  submit(connection: Connection): Error | null {
    const { name, text } = this;
    const previous = connection.parsedStatements[name] ?? connection.submittedNamedStatements[name];
    if (previous !== undefined && previous !== text) {
      return new Error(
        `Prepared statements must be unique - '${name}' was used for a different statement`,
      );
    }
    // Mapped before anything is written, so a value pg cannot send fails the query alone and
    // leaves nothing half-sent on the connection.
    let values: unknown[];
    try {
      values = this.values.map((v) => prepareValue(v));
    } catch (err) {
      return err as Error;
    }
    this.connection = connection;
    const state = stateOf(connection);
    const parsed = connection.parsedStatements[name] !== undefined;
    this.shape = parsed ? state.shapes.get(name) : undefined;
    connection.stream.cork?.();
    try {
      if (!parsed) {
        if (state.stale.delete(name)) connection.close({ type: 'S', name });
        connection.parse({ name, text });
        connection.submittedNamedStatements[name] = text;
      }
      connection.bind({ statement: name, values });
      if (this.shape === undefined) {
        this.described = true;
        connection.describe({ type: 'P', name: '' });
      }
      connection.execute({ portal: '' });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(msg: { fields: Field[] }): void {
    const shape: Shape = {
      keys: msg.fields.map((f) => f.name),
      parsers: msg.fields.map((f) => pg.types.getTypeParser(f.dataTypeID, 'text') as Parser),
    };
    this.shape = shape;
    if (this.connection) stateOf(this.connection).shapes.set(this.name, shape);
  }

  handleDataRow(msg: { fields: (string | null)[] }): void {
    const shape = this.shape;
    if (this.rowError !== undefined || shape === undefined) return;
    const { keys, parsers } = shape;
    const fields = msg.fields;
    const row: Record<string, unknown> = {};
    try {
      for (let i = 0; i < fields.length; i++) {
        const raw = fields[i];
        row[keys[i]] = raw === null ? null : parsers[i](raw);
      }
    } catch (err) {
      this.rowError = err as Error;
      return;
    }
    this.rows.push(row);
  }

  handleCommandComplete(): void {
    // Described and no RowDescription came: the statement returns no rows (NoData).
    if (this.described && this.shape === undefined && this.connection) {
      this.shape = { keys: [], parsers: [] };
      stateOf(this.connection).shapes.set(this.name, this.shape);
    }
  }

  handleEmptyQuery(): void {}

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: { sendCopyFail(msg: string): void }): void {
    connection.sendCopyFail('No source stream defined');
  }

  handleCopyData(): void {}

  handleError(err: Error): void {
    const connection = this.connection;
    if (connection) {
      const state = stateOf(connection);
      state.shapes.delete(this.name);
      if (isStalePlan(err)) {
        delete connection.parsedStatements[this.name];
        state.stale.add(this.name);
      }
    }
    this.callback?.(err);
  }

  handleReadyForQuery(): void {
    if (this.rowError !== undefined) return this.handleError(this.rowError);
    this.callback?.(null, this.rows);
  }
}
