import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';

/** What a cache kept by notifications hears from the listener. */
export interface NotifySubscriber {
  /** A payload sent with pg_notify on the subscribed channel. */
  notify(payload: string): void;
  /**
   * true once LISTEN holds (notifications of every commit from now on will come), false when the
   * connection is lost (those of the commits meanwhile will never come): a cache is cleared at
   * both and serves nothing while false.
   */
  listening(on: boolean): void;
}

/** Shown in pg_stat_activity, so the connection can be told apart (and terminated by tests). */
export const LISTENER_APPLICATION_NAME = 'kenal-notify-listener';

/**
 * A connection that died silently (no FIN, a frozen host) would stop notifications without an
 * error: a round trip this often proves it alive, and one that does not answer ends it, so at
 * worst a cache serves stale answers for PING_MS + PING_TIMEOUT_MS.
 */
const PING_MS = 5_000;
const PING_TIMEOUT_MS = 2_000;
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;

/**
 * The process's one LISTEN connection, a plain pg Client outside the pool (a pooled connection
 * goes back to others and stops hearing). Opened on the first subscription only, so a process
 * without a cache kept by notifications (the worker) holds none. On any loss it tells the
 * subscribers, then connects again with growing pauses.
 */
@Injectable()
export class NotifyListener implements OnApplicationShutdown {
  private readonly logger = new Logger(NotifyListener.name);
  private readonly subscribers = new Map<string, NotifySubscriber[]>();
  private client?: Client;
  private on = false;
  private stopped = false;
  private retryMs = RETRY_MIN_MS;
  private timer?: NodeJS.Timeout;

  constructor(private readonly config: AppConfig) {}

  get isListening(): boolean {
    return this.on;
  }

  subscribe(channel: string, subscriber: NotifySubscriber): void {
    const known = this.subscribers.has(channel);
    this.subscribers.set(channel, [...(this.subscribers.get(channel) ?? []), subscriber]);
    subscriber.listening(false);
    // A channel added while listening needs its own LISTEN: start over, all channels at once.
    if (!known && this.client) void this.lose(this.client);
    else if (!this.client && !this.timer) this.connect();
  }

  /**
   * Sends a notification on the listening connection itself, which hears it too: PostgreSQL queues
   * notifications in commit order, so when this one comes back every commit before it was heard.
   */
  async send(channel: string, payload: string): Promise<void> {
    if (!this.client || !this.on) throw new Error('not listening');
    await this.client.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.client) await this.lose(this.client);
  }

  private connect(): void {
    this.timer = undefined;
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
      query_timeout: PING_TIMEOUT_MS,
    });
    this.client = client;
    client.on('error', (err) => {
      this.logger.warn(`LISTEN connection lost: ${err.message}`);
      void this.lose(client);
    });
    client.on('end', () => void this.lose(client));
    client.on('notification', (n) => {
      if (client !== this.client || !this.on) return;
      for (const s of this.subscribers.get(n.channel) ?? []) s.notify(n.payload ?? '');
    });
    void this.start(client);
  }

  private async start(client: Client): Promise<void> {
    try {
      await client.connect();
      for (const channel of this.subscribers.keys()) {
        await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
      }
    } catch (err) {
      this.logger.warn(`LISTEN failed: ${(err as Error).message}`);
      void this.lose(client);
      return;
    }
    if (client !== this.client) return;
    this.on = true;
    this.retryMs = RETRY_MIN_MS;
    for (const list of this.subscribers.values()) for (const s of list) s.listening(true);
    this.timer = setTimeout(() => void this.ping(client), PING_MS);
  }

  private async ping(client: Client): Promise<void> {
    try {
      await client.query('SELECT 1');
    } catch {
      void this.lose(client);
      return;
    }
    if (client === this.client) this.timer = setTimeout(() => void this.ping(client), PING_MS);
  }

  /** Tells the subscribers once per connection lost, ends it and plans the next. */
  private lose(client: Client): Promise<void> {
    if (client !== this.client) return Promise.resolve();
    this.client = undefined;
    this.on = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const list of this.subscribers.values()) for (const s of list) s.listening(false);
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    const ended = client.end().catch(() => undefined);
    if (!this.stopped) {
      this.timer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    }
    return ended;
  }
}
