import { createTestDatabase, createTestVhost, type TestResource } from '@chasqui/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AmqpConnection, declareExchanges, enqueueMany, OutboxRelay } from '../src';
import { brokerProbe, eventually, openTestOrm, readyCount, recordingLog } from './support';

jest.setTimeout(60_000);

const SCHEMA = 'scheduler';
const QUEUE = 'test.lanes.render-jobs';

describe('an outbox relay with several lanes', () => {
  let database: TestResource;
  let vhost: TestResource;
  let orm: MikroORM;
  let amqp: AmqpConnection;
  let probe: Awaited<ReturnType<typeof brokerProbe>>;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    orm = await openTestOrm(database.url, SCHEMA);
    probe = await brokerProbe(vhost.url);
    await declareExchanges(probe.channel);
    await probe.channel.assertQueue(QUEUE, { durable: false });
    await probe.channel.bindQueue(QUEUE, 'chasqui.jobs', 'render');
    amqp = new AmqpConnection(vhost.url, recordingLog(), 'relay-lanes-test');
  });

  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    await amqp?.close();
    await probe?.connection.close();
    await orm?.close();
    await vhost?.drop();
    await database?.drop();
  });

  it('publishes a backlog of many batches each message exactly once, two relays of four lanes sharing it', async () => {
    const jobs = Array.from({ length: 3000 }, (_, i) => `job-${i}`);
    for (let i = 0; i < jobs.length; i += 500) {
      await orm.em.fork().transactional((em) =>
        enqueueMany(
          em,
          SCHEMA,
          jobs.slice(i, i + 500).map((job) => ({
            exchange: 'chasqui.jobs',
            routingKey: 'render',
            type: 'chasqui.scheduler.v1.RenderJob',
            body: new TextEncoder().encode(job),
            tenantId: 'tenant-1',
            idempotencyKey: job,
          })),
        ),
      );
    }
    for (let r = 0; r < 2; r++) {
      const relay = new OutboxRelay({ orm, schema: SCHEMA, amqp, log: recordingLog(), batchSize: 100, lanes: 4 });
      relays.push(relay);
      relay.start();
    }

    const outboxSize = async () =>
      Number((await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ${SCHEMA}.outbox`))[0].n);
    await eventually('an empty outbox', async () => (await outboxSize()) === 0);
    await eventually('every job in the queue', async () => (await readyCount(probe.channel, QUEUE)) >= jobs.length);
    const received: string[] = [];
    for (;;) {
      const message = await probe.channel.get(QUEUE, { noAck: true });
      if (!message) break;
      received.push(message.content.toString());
    }
    expect(received).toHaveLength(jobs.length);
    expect(new Set(received)).toEqual(new Set(jobs));
  });
});
