import { Exchanges, MessageTypes, renderer, RoutingKeys } from '@chasqui/contracts';
import { createTestDatabase, createTestVhost, freePort, runMigration, ServiceProcess } from '@chasqui/testing';
import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { since } from '../support/measure';
import { REMINDER } from './mail';

/** What draining the send queue took, each figure from its own clock. */
export interface Drain {
  /** Spawn to /readyz answering (consumption starts during it: not subtracted from `spanMs`, not added either). */
  readyMs: number;
  /** First message claimed to the last one recorded sent: the rows' own timestamps (delivery's clock). */
  spanMs: number;
  /** The same as this process saw it: first row seen to N rows seen sent, polled every 100 ms. */
  polledMs: number;
}

/**
 * delivery as production runs it: its own process from dist/, its own
 * database (migrated first) and vhost, sending to the sink. Its send queue is
 * filled while it is down, so what is timed is pure draining.
 */
export class DeliveryUnderTest {
  sql!: Client;
  /** Its inbound SMTP port (bounces and replies), once serve() started it. */
  inboundPort = 0;
  private env: Record<string, string> = {};
  private readonly cleanups: (() => unknown)[] = [];

  async start(smtpPort: number, pool: number, prefetch: number): Promise<void> {
    // Each resource is registered for cleanup as soon as it exists, so stop() undoes a start that failed halfway.
    const database = await createTestDatabase();
    this.cleanups.push(() => database.drop());
    const vhost = await createTestVhost();
    this.cleanups.push(() => vhost.drop());
    this.env = {
      DATABASE_URL: database.url,
      AMQP_URL: vhost.url,
      GRPC_PORT: String(await freePort()),
      HTTP_PORT: String(await freePort()),
      // Only gRPC calls authenticate through receivables, and none is made here: nothing listens there.
      RECEIVABLES_URL: `127.0.0.1:${await freePort()}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SMTP_POOL_SIZE: String(pool),
      AMQP_PREFETCH: String(prefetch),
      MAIL_FROM: REMINDER.from,
      INBOUND_SMTP_PORT: String((this.inboundPort = await freePort())),
      UNSUBSCRIBE_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    };
    await runMigration('delivery', this.env);
    this.sql = new Client({ connectionString: database.url });
    await this.sql.connect();
    this.cleanups.push(() => this.sql.end());
    // One boot declares the send queue exactly as delivery's consumer does (its arguments live there, not here).
    const declare = new ServiceProcess('delivery', this.env);
    await declare.start();
    await declare.stop();
  }

  /** `count` send jobs as the renderer's relay publishes them (persistent, confirmed), each with `pdf` attached. */
  async publish(count: number, pdf: Buffer): Promise<number> {
    const connection = await connect(this.env.AMQP_URL);
    try {
      const channel = await connection.createConfirmChannel();
      const tenantId = randomUUID();
      const start = process.hrtime.bigint();
      for (let i = 0; i < count; i++) {
        const occurrenceId = randomUUID();
        const job = renderer.SendJob.encode({
          occurrenceId,
          tenantId,
          customerId: randomUUID(),
          invoiceIds: [randomUUID()],
          to: [REMINDER.to],
          cc: [],
          bcc: [],
          subject: REMINDER.subject,
          html: REMINDER.html,
          text: REMINDER.text,
          attachments: [
            { filename: REMINDER.filename, contentType: REMINDER.contentType, content: pdf, contentId: '' },
          ],
          test: false,
          timeZone: 'America/Mexico_City',
          fromName: '',
        }).finish();
        channel.publish(Exchanges.jobs, RoutingKeys.sendJob, Buffer.from(job), {
          persistent: true,
          mandatory: true,
          contentType: 'application/x-protobuf',
          messageId: randomUUID(),
          type: MessageTypes.sendJob,
          timestamp: Math.floor(Date.now() / 1000),
          headers: { 'tenant-id': tenantId, 'idempotency-key': `send-${occurrenceId}` },
        });
        if (i % 200 === 199) await channel.waitForConfirms();
      }
      await channel.waitForConfirms();
      const ms = since(start);
      // delivery's send queue (SEND_JOBS in its send-job consumer), declared by the boot in start().
      const { messageCount } = await channel.checkQueue('delivery.send-jobs');
      if (messageCount !== count) throw new Error(`the send queue holds ${messageCount} jobs, not ${count}`);
      return ms;
    } finally {
      await connection.close();
    }
  }

  /** Starts delivery and leaves it running (for the inbound port), until stop(). */
  async serve(): Promise<void> {
    const service = new ServiceProcess('delivery', this.env);
    this.cleanups.push(() => service.stop());
    await service.start();
  }

  /** Inbound emails still waiting to be read. */
  async unread(): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(
      `select count(*)::int as n from delivery.inbound_emails where state = 'received'`,
    );
    return rows[0].n;
  }

  /** Starts delivery and waits until `count` messages are recorded sent; fails on any other end. */
  async drain(count: number): Promise<Drain> {
    const service = new ServiceProcess('delivery', this.env);
    this.cleanups.push(() => service.stop());
    const spawned = process.hrtime.bigint();
    let readyMs = 0;
    let bootFailure: unknown;
    const ready = service.start().then(
      () => (readyMs = since(spawned)),
      (error: unknown) => (bootFailure = error),
    );
    const deadline = Date.now() + 120_000 + count * 50;
    let firstSeen: bigint | undefined;
    for (;;) {
      if (bootFailure) throw bootFailure;
      const statuses = await this.statuses();
      const rows = Object.values(statuses).reduce((sum, n) => sum + n, 0);
      if (rows > 0) firstSeen ??= process.hrtime.bigint();
      const ended = Object.entries(statuses).filter(([status]) => !['sending', 'sent'].includes(status));
      if (ended.length > 0) throw new Error(`messages did not go out: ${JSON.stringify(statuses)}`);
      if ((statuses.sent ?? 0) >= count) break;
      if (Date.now() > deadline) throw new Error(`timed out draining ${count} jobs: ${JSON.stringify(statuses)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const polledMs = since(firstSeen!);
    await ready;
    if (bootFailure) throw bootFailure;
    const { rows } = await this.sql.query<{ ms: number }>(
      `select extract(epoch from max(updated_at) - min(created_at)) * 1000 as ms
         from delivery.messages where status = 'sent'`,
    );
    // Down before anything else is timed: its relay finishes publishing the sent events as it shuts down.
    await service.stop();
    return { readyMs, spanMs: Number(rows[0].ms), polledMs };
  }

  /** Undoes start() in reverse, as far as it got; one failed step does not skip the rest. */
  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  }

  private async statuses(): Promise<Record<string, number>> {
    const { rows } = await this.sql.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from delivery.messages group by status',
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }
}
