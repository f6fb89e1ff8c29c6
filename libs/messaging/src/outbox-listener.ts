import type { Log } from '@chasqui/observability';
import { Client } from 'pg';
import { outboxChannel } from './messaging-tables';

const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000];

/**
 * A dedicated PostgreSQL connection LISTENing on an outbox's channel: every
 * committed insert into the outbox — by this process, a replica or anyone —
 * wakes the relay at once, so an idle relay need not poll. Reconnects with a
 * back-off when the connection drops; `listening` says whether it may be
 * relied on (while it is not, the relay polls as before).
 */
export class OutboxListener {
  private client?: Client;
  private stopped = false;
  private attempt = 0;
  private timer?: NodeJS.Timeout;
  listening = false;

  constructor(
    private readonly connectionString: string,
    private readonly schema: string,
    private readonly wake: () => void,
    private readonly log: Log,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.listening = false;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.connectionString,
      application_name: `outbox-listener ${this.schema}`,
    });
    this.client = client;
    client.on('notification', () => this.wake());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`listen "${outboxChannel(this.schema)}"`);
      if (this.stopped) return void (await client.end().catch(() => undefined));
      this.listening = true;
      this.attempt = 0;
      // Rows committed while nobody listened are there now: look once.
      this.wake();
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error?: unknown): void {
    if (client !== this.client) return;
    this.client = undefined;
    this.listening = false;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)];
    this.log.warn('outbox listener lost its connection; the relay polls until it is back', {
      schema: this.schema,
      retryInMs: delay,
      error: error instanceof Error ? error.message : error === undefined ? 'ended' : String(error),
    });
    this.timer = setTimeout(() => void this.connect(), delay);
  }
}
