import { createTestDatabase, createTestVhost, type TestResource } from '@chasqui/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Registry } from 'prom-client';
import { AmqpConnection, Consumer, declareExchanges, enqueue, MessagingMetrics, OutboxRelay } from '../src';
import { brokerProbe, eventually, openTestOrm, publishLikeRelay, recordingLog } from './support';

jest.setTimeout(60_000);

const SCHEMA = 'scheduler';

/**
 * What Prometheus reads at a scrape: the outbox's rows and the age of the
 * oldest, and the ready messages of each consumed queue and its dead letters —
 * read then, so they are current while nothing is published or consumed.
 */
describe('backlog metrics, read at each scrape', () => {
  let database: TestResource;
  let vhost: TestResource;
  let orm: MikroORM;
  let amqp: AmqpConnection;
  let probe: Awaited<ReturnType<typeof brokerProbe>>;
  const registry = new Registry();
  const metrics = new MessagingMetrics(registry);

  /** The scraped value of a gauge for one label value (undefined: no series). */
  const scraped = async (name: string, label: string, value: string) => {
    const exposition = await registry.metrics();
    const line = exposition.split('\n').find((l) => l.startsWith(`${name}{${label}="${value}"}`));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };

  beforeAll(async () => {
    [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    orm = await openTestOrm(database.url, SCHEMA);
    amqp = new AmqpConnection(vhost.url, recordingLog(), 'metrics-test');
    probe = await brokerProbe(vhost.url);
  });

  afterAll(async () => {
    await amqp?.close();
    await probe?.connection.close();
    await orm?.close();
    await vhost?.drop();
    await database?.drop();
  });

  it('counts the rows an outbox holds and how long the oldest has waited, and zero once it drained', async () => {
    // Jobs for a queue nobody bound: the relay keeps them in the outbox.
    await orm.em.fork().transactional(async (em) => {
      for (const n of [1, 2, 3]) {
        await enqueue(em, SCHEMA, {
          exchange: 'chasqui.jobs',
          routingKey: 'test.unbound',
          type: 'test.Job',
          body: new TextEncoder().encode(`job ${n}`),
          tenantId: 'tenant-1',
          idempotencyKey: `job-${n}`,
        });
      }
    });
    await orm.em.fork().execute(`update ${SCHEMA}.outbox set created_at = now() - interval '90 seconds'`);
    const relay = new OutboxRelay({ orm, schema: SCHEMA, amqp, log: recordingLog(), idleMs: 50, metrics });
    relay.start();
    try {
      expect(await scraped('messaging_outbox_backlog', 'schema', SCHEMA)).toBe(3);
      expect(await scraped('messaging_outbox_oldest_age_seconds', 'schema', SCHEMA)).toBeGreaterThanOrEqual(90);

      // The relay declares the exchanges as its channel opens, which may not have happened yet.
      await declareExchanges(probe.channel);
      await probe.channel.assertQueue('test.unbound', { durable: false });
      await probe.channel.bindQueue('test.unbound', 'chasqui.jobs', 'test.unbound');
      relay.nudge();
      await eventually(
        'the outbox to drain',
        async () => (await scraped('messaging_outbox_backlog', 'schema', SCHEMA)) === 0,
      );
      expect(await scraped('messaging_outbox_oldest_age_seconds', 'schema', SCHEMA)).toBe(0);
    } finally {
      await relay.stop();
    }
  });

  it("reads a consumed queue's ready messages and its dead letters", async () => {
    const queue = 'test.slow-work';
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const consumer = new Consumer<string>({
      amqp,
      log: recordingLog(),
      queue,
      bindings: [{ exchange: 'chasqui.jobs', routingKey: queue }],
      prefetch: 1,
      retryDelaysMs: [100],
      decode: (body) => body.toString(),
      handle: () => held,
      metrics,
    });
    await consumer.start();
    try {
      for (const n of [1, 2, 3, 4, 5]) await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, `work ${n}`);
      probe.channel.sendToQueue(`${queue}.dead`, Buffer.from('poison'), { persistent: true });
      await probe.channel.waitForConfirms();
      // One in the handler, four ready behind it; one dead letter.
      await eventually('four ready', async () => (await scraped('messaging_queue_depth', 'queue', queue)) === 4);
      expect(await scraped('messaging_queue_depth', 'queue', `${queue}.dead`)).toBe(1);
      release();
      await eventually(
        'the queue to drain',
        async () => (await scraped('messaging_queue_depth', 'queue', queue)) === 0,
      );
    } finally {
      release();
      await consumer.stop();
    }
  });
});
