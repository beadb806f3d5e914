import { Injectable, OnModuleInit } from '@nestjs/common';
import { BoundedMap } from '../common/bounded-map';
import type { SentJson } from '../common/http/precompressed';
import { NotifyListener } from '../database/notify-listener';
import type { CompetitionResponseDto } from './dto/competition.dto';

/** The channel of migrations/1796520100000-PublicCompetitionNotify.ts's triggers. */
export const PUBLIC_COMPETITION_CHANNEL = 'kenal_public_competition';

/** Enough for every competition a busy season shows (a couple of KB each). */
const MAX_ENTRIES = 1_000;

interface Entry {
  body: SentJson<CompetitionResponseDto>;
  programmeId: string;
  /** When the answer was made (ms): a clock set back before it (tests, a stepped clock) misses. */
  made: number;
  /** The next opening or closing after the answer was made: isOpen in it holds until then. */
  until: number;
}

/**
 * The public answer of GET /competitions/{id}, as the bytes sent, per competition: a hit costs
 * no query, no view and no JSON.stringify (bench:api-compare --only competition).
 *
 * Kept correct by PostgreSQL: triggers on competitions and on programmes' time zone notify
 * every API process's listener at commit, which drops the entry. Across processes an answer is
 * stale only between a writer's commit and the notification's arrival (a local round trip, a
 * few ms; at most NotifyListener's ping bound when its connection dies silently); the process
 * that writes drops its own entry as its write returns. While the listener is not listening (at
 * start, after a lost connection, until LISTEN holds again) notifications would be missed, so
 * the cache is empty and off: every read goes to PostgreSQL. isOpen turns at the window's
 * opening and close, so an entry lasts from when it was made until the next of them (the
 * injected clock's time). Misses (404) are not kept; the oldest used entry goes past MAX_ENTRIES.
 */
@Injectable()
export class PublicCompetitionCache implements OnModuleInit {
  /** A hit is moved to the end (get), so the first, dropped past MAX_ENTRIES, is the least used. */
  private readonly entries = new BoundedMap<string, Entry>(MAX_ENTRIES);
  private on = false;
  /**
   * Moves at every change heard and every switch on or off: an answer read from PostgreSQL is
   * kept only if it did not move meanwhile, since the change may have committed after the read's
   * snapshot (and its notification come before the answer is kept).
   */
  private generation = 0;

  constructor(private readonly listener: NotifyListener) {}

  onModuleInit(): void {
    this.listener.subscribe(PUBLIC_COMPETITION_CHANNEL, {
      notify: (payload) => this.changed(payload),
      listening: (on) => {
        this.on = on;
        this.clear();
      },
    });
  }

  /** `id` in lower case; `now` in ms. */
  get(id: string, now: number): SentJson<CompetitionResponseDto> | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (now >= entry.until || now < entry.made) return undefined;
    this.entries.set(id, entry);
    return entry.body;
  }

  /** Taken before reading PostgreSQL, handed to put(). */
  ticket(): number {
    return this.on ? this.generation : -1;
  }

  put(id: string, ticket: number, entry: Entry): void {
    if (ticket !== this.generation || !this.on) return;
    this.entries.set(id, entry);
  }

  /** After this process's own write committed, before its notification comes. */
  drop(id: string): void {
    this.generation++;
    this.entries.delete(id.toLowerCase());
  }

  /** 'competition:<id>', 'programme:<id>' (its competitions) or 'all:'. */
  private changed(payload: string): void {
    const [kind, id] = payload.split(':');
    if (kind === 'competition') return this.drop(id);
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (kind !== 'programme' || entry.programmeId === id) this.entries.delete(key);
    }
  }

  private clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
