import { BoundedMap } from '../common/bounded-map';

/**
 * Tables whose rows a cache's answers read only for their own caller (through the session check,
 * or by scans pinned to the caller's id; each cache's e2e test holds its statement's plan to it):
 * a change naming accounts (TableChanges) drops only those callers' answers.
 */
export interface ByCaller<V> {
  tables: readonly string[];
  callerOf: (key: string, value: V) => string;
}

interface Entry<V> {
  value: V;
  /** When the answer was read (ms): a clock set back before it (tests, a stepped clock) misses. */
  made: number;
  /** The first instant the answer may differ without any table changing (ms). */
  until: number;
}

/**
 * Answers read from PostgreSQL, by key, kept while none of the tables they read changes
 * (TableChanges hears every commit to them and calls dropAll) and until their own time runs out.
 * A hit is moved to the end, so the first, dropped past the bound, is the least used.
 */
export class TableCache<V> {
  private readonly entries: BoundedMap<string, Entry<V>>;
  private on = false;
  /**
   * Moves at every change heard and every switch on or off: an answer read from PostgreSQL is
   * kept only if it did not move meanwhile, since the change may have committed after the read's
   * snapshot (and its notification come before the answer is kept).
   */
  private generation = 0;
  /** Fences under way (TableChanges.fence): nothing is served or kept until they are heard. */
  private held = 0;

  constructor(
    readonly name: string,
    readonly tables: readonly string[],
    maxEntries: number,
    readonly byCaller?: ByCaller<V>,
  ) {
    this.entries = new BoundedMap(maxEntries);
    const stray = byCaller?.tables.filter((t) => !tables.includes(t)) ?? [];
    if (stray.length > 0) throw new Error(`${name}: ${stray.join(', ')} not among its tables`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** `now` in ms, the injected clock's. */
  get(key: string, now: number): V | undefined {
    if (this.held > 0) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (now >= entry.until || now < entry.made) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Taken before reading PostgreSQL, handed to put(). */
  ticket(): number {
    return this.on ? this.generation : -1;
  }

  /** Served while made <= now < until; dropped if a change was heard since the ticket. */
  put(key: string, ticket: number, value: V, made: number, until = Infinity): void {
    if (ticket !== this.generation || !this.on || this.held > 0 || until <= made) return;
    this.entries.set(key, { value, made, until });
  }

  /**
   * `table` changed; `callers`, when the change named the accounts it touched: if this cache reads
   * that table only for each answer's caller, only their answers go, else all.
   */
  changed(table: string, callers?: ReadonlySet<string>): void {
    const byCaller = this.byCaller;
    if (callers && byCaller?.tables.includes(table)) {
      this.dropWhere((key, value) => callers.has(byCaller.callerOf(key, value)));
    } else {
      this.dropAll();
    }
  }

  /** One of its tables changed (or may have: the listener lost or found its connection). */
  dropAll(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The answers a change named (a cache told more finely than by table). */
  dropWhere(named: (key: string, value: V) => boolean): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (named(key, entry.value)) this.entries.delete(key);
  }

  /**
   * A commit of this process's may not be heard yet: until release(), every read goes to
   * PostgreSQL (which has it), and an answer read before it is not kept.
   */
  hold(): void {
    this.held++;
    this.generation++;
  }

  release(): void {
    this.held--;
  }

  /** Off while notifications may be missed: nothing served, nothing kept. */
  listening(on: boolean): void {
    this.on = on;
    this.dropAll();
  }
}
