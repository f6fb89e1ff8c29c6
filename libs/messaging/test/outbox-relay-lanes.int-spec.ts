import { createTestDatabase, createTestVhost, type TestResource } from '@chasqui/testing';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
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

  const enqueueJobs = (em: EntityManager, jobs: string[]) =>
    enqueueMany(
      em,
      SCHEMA,
      jobs.map((job) => ({
        exchange: 'chasqui.jobs',
        routingKey: 'render',
        type: 'chasqui.scheduler.v1.RenderJob',
        body: new TextEncoder().encode(job),
        tenantId: 'tenant-1',
        idempotencyKey: job,
      })),
    );
  const outboxSize = async () =>
    Number((await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ${SCHEMA}.outbox`))[0].n);
  const drainQueue = async () => {
    const received: string[] = [];
    for (;;) {
      const message = await probe.channel.get(QUEUE, { noAck: true });
      if (!message) return received;
      received.push(message.content.toString());
    }
  };

  it('publishes a backlog of many batches each message exactly once, two relays of four lanes sharing it', async () => {
    const jobs = Array.from({ length: 3000 }, (_, i) => `job-${i}`);
    for (let i = 0; i < jobs.length; i += 500) {
      await orm.em.fork().transactional((em) => enqueueJobs(em, jobs.slice(i, i + 500)));
    }
    for (let r = 0; r < 2; r++) {
      const relay = new OutboxRelay({ orm, schema: SCHEMA, amqp, log: recordingLog(), batchSize: 100, lanes: 4 });
      relays.push(relay);
      relay.start();
    }

    await eventually('an empty outbox', async () => (await outboxSize()) === 0);
    await eventually('every job in the queue', async () => (await readyCount(probe.channel, QUEUE)) >= jobs.length);
    const received = await drainQueue();
    expect(received).toHaveLength(jobs.length);
    expect(new Set(received)).toEqual(new Set(jobs));
  });

  it('publishes rows that committed after later rows had already gone out', async () => {
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const late = Array.from({ length: 50 }, (_, i) => `late-${i}`);
    const early = Array.from({ length: 1000 }, (_, i) => `early-${i}`);
    // The late rows take their sequence numbers first, then wait to commit until the early ones are out.
    const lateTransaction = orm.em.fork().transactional(async (em) => {
      await enqueueJobs(em, late);
      await committed;
    });
    await eventually('the late rows written', async () => {
      const [row] = await orm.em
        .fork()
        .execute<{ n: string }[]>(
          `select count(*) as n from pg_stat_activity where state = 'idle in transaction' and datname = current_database()`,
        );
      return Number(row.n) > 0;
    });
    await orm.em.fork().transactional((em) => enqueueJobs(em, early));
    await eventually('the early rows out', async () => (await readyCount(probe.channel, QUEUE)) >= early.length);
    commit();
    await lateTransaction;

    await eventually('an empty outbox', async () => (await outboxSize()) === 0);
    await eventually('the late rows out', async () => (await readyCount(probe.channel, QUEUE)) >= 1050);
    expect(new Set(await drainQueue())).toEqual(new Set([...early, ...late]));
  });
});
