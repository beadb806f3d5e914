import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SentJson } from '../common/http/precompressed';
import { NotifyListener } from '../database/notify-listener';
import { TableCache } from '../database/table-cache';
import type { CompetitionResponseDto } from './dto/competition.dto';

/** The channel of migrations/1796520100000-PublicCompetitionNotify.ts's triggers. */
export const PUBLIC_COMPETITION_CHANNEL = 'kenal_public_competition';

/** Enough for every competition a busy season shows (a couple of KB each). */
const MAX_ENTRIES = 1_000;

interface Entry {
  body: SentJson<CompetitionResponseDto>;
  programmeId: string;
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
  /** Not one of TableChanges' (told by table): its own triggers name the competition. */
  private readonly entries = new TableCache<Entry>('public-competitions', [], MAX_ENTRIES);

  constructor(private readonly listener: NotifyListener) {}

  onModuleInit(): void {
    this.listener.subscribe(PUBLIC_COMPETITION_CHANNEL, {
      notify: (payload) => this.changed(payload),
      listening: (on) => this.entries.listening(on),
    });
  }

  /** `id` in lower case; `now` in ms. */
  get(id: string, now: number): SentJson<CompetitionResponseDto> | undefined {
    return this.entries.get(id, now)?.body;
  }

  /** Taken before reading PostgreSQL, handed to put(). */
  ticket(): number {
    return this.entries.ticket();
  }

  /** Served from `made` until `until`, the window's next opening or close (isOpen turns there). */
  put(id: string, ticket: number, entry: Entry, made: number, until: number): void {
    this.entries.put(id, ticket, entry, made, until);
  }

  /** After this process's own write committed, before its notification comes. */
  drop(id: string): void {
    const key = id.toLowerCase();
    this.entries.dropWhere((k) => k === key);
  }

  /** 'competition:<id>', 'programme:<id>' (its competitions) or 'all:'. */
  private changed(payload: string): void {
    const [kind, id] = payload.split(':');
    if (kind === 'competition') return this.drop(id);
    if (kind === 'programme') this.entries.dropWhere((_, entry) => entry.programmeId === id);
    else this.entries.dropAll();
  }
}
