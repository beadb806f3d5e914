import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { PROCESS_ROLE, type ProcessRole } from './process-role';
import { NotifyListener } from './notify-listener';
import { type ByCaller, TableCache } from './table-cache';

export { type ByCaller, TableCache } from './table-cache';

/**
 * The channel of migrations/1796520400000-TableChangeNotify.ts's triggers. Payload: a table, or for
 * the tables whose rows each belong to one or two accounts `<table>:<user id>,<user id>…`
 * (1796520700000-TableChangeNamesUsers: users, auth_sessions, profiles, guardian_consents,
 * penpal_matches).
 */
export const TABLE_CHANGE_CHANNEL = 'kenal_table_change';

/** This process's own notifications, told from a table's changes (no table is named `fence`). */
const FENCE = 'fence:';
/** A fence not heard back this soon: the caches are dropped rather than trusted. */
const FENCE_TIMEOUT_MS = 2_000;

/**
 * The API process's caches of per-user answers, kept correct by PostgreSQL: a trigger on every
 * table such an answer reads notifies each API process's listener at commit, and every cache that
 * names the table is dropped whole. Across processes an answer is stale only between a commit and
 * its notification's arrival (a local round trip, a few ms; at most NotifyListener's ping bound if
 * its connection dies silently). Within the process that wrote, not at all: from a writing
 * request's response until its commits' notifications are heard, no answer is served (fence).
 * While not listening, every cache is empty and off.
 */
@Injectable()
export class TableChanges {
  private readonly logger = new Logger(TableChanges.name);
  private readonly byTable = new Map<string, TableCache<unknown>[]>();
  private readonly all: TableCache<unknown>[] = [];
  private on = false;
  private subscribed = false;
  private fences = 0;
  /** Not the pid: two containers' processes may share one. */
  private readonly self = randomUUID();
  private readonly waiting = new Map<string, () => void>();
  /** The fence callers join until it is sent; the one sent last (the next waits for it). */
  private unsent?: Promise<boolean>;
  private last: Promise<boolean> = Promise.resolve(true);

  constructor(
    private readonly listener: NotifyListener,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  /**
   * A cache of answers that read `tables` (every relation of its statements' plans); `byCaller`:
   * those of them it reads only for the answer's own caller.
   */
  cache<V>(
    name: string,
    tables: readonly string[],
    maxEntries: number,
    byCaller?: ByCaller<V>,
  ): TableCache<V> {
    const cache = new TableCache<V>(name, tables, maxEntries, byCaller);
    this.all.push(cache as TableCache<unknown>);
    for (const table of tables) {
      this.byTable.set(table, [...(this.byTable.get(table) ?? []), cache as TableCache<unknown>]);
    }
    cache.listening(this.on);
    // The first cache opens the listener. The worker serves no reads: its caches stay off, and it
    // holds no such connection.
    if (!this.subscribed && this.role === 'api') {
      this.subscribed = true;
      this.listener.subscribe(TABLE_CHANGE_CHANNEL, {
        notify: (payload) => this.changed(payload),
        listening: (on) => this.listening(on),
      });
    }
    return cache;
  }

  caches(): readonly TableCache<unknown>[] {
    return this.all;
  }

  /**
   * Called after commits of this process's (a writing request's, before its response goes):
   * until they have been heard and their caches dropped, no cache serves or keeps an answer, so
   * the next read anywhere in this process goes to PostgreSQL, which has them. Heard once a
   * notification of this process's own, sent after them, comes back after theirs (the returned
   * promise; nobody needs to wait for it). Callers share a fence not yet sent (it goes after all
   * their commits); one at a time is sent. Nothing to do while not listening (nothing is kept).
   */
  async fence(): Promise<void> {
    if (!this.on) return;
    const held = [...this.all];
    for (const cache of held) cache.hold();
    try {
      if (!this.unsent) {
        const sent = this.last.then(() => {
          this.unsent = undefined;
          return this.roundTrip();
        });
        this.unsent = sent;
        this.last = sent;
      }
      if (await this.unsent) return;
      this.logger.warn('a fence was not heard back: every cache dropped');
      for (const cache of this.all) cache.dropAll();
    } finally {
      for (const cache of held) cache.release();
    }
  }

  /** true once its own notification came back (false: lost, or not within FENCE_TIMEOUT_MS). */
  private async roundTrip(): Promise<boolean> {
    const payload = `${FENCE}${this.self}:${++this.fences}`;
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), FENCE_TIMEOUT_MS);
      this.waiting.set(payload, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    try {
      await this.listener.send(TABLE_CHANGE_CHANNEL, payload);
      return await heard;
    } catch {
      return false;
    } finally {
      this.waiting.delete(payload);
    }
  }

  private changed(payload: string): void {
    if (payload.startsWith(FENCE)) {
      this.waiting.get(payload)?.();
      return;
    }
    const colon = payload.indexOf(':');
    const table = colon < 0 ? payload : payload.slice(0, colon);
    const callers = colon < 0 ? undefined : new Set(payload.slice(colon + 1).split(','));
    for (const cache of this.byTable.get(table) ?? []) cache.changed(table, callers);
  }

  private listening(on: boolean): void {
    this.on = on;
    for (const cache of this.all) cache.listening(on);
    // Notifications missed while the connection was lost may include a fence's.
    if (!on) for (const done of this.waiting.values()) done();
  }
}
