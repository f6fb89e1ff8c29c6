import { createTestDatabase, createTestVhost, type TestResource } from '@chasqui/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Registry } from 'prom-client';
import { AmqpConnection, claimOnce, Consumer, MessagingMetrics, type MessageMeta } from '../src';
import {
  brokerProbe,
  eventually,
  openTestOrm,
  publishLikeRelay,
  readyCount,
  recordingLog,
  takeMessage,
} from './support';

jest.setTimeout(60_000);

const SCHEMA = 'delivery';
const RETRY_DELAYS_MS = [200, 400];

describe('consumer failures go through the retry tiers to the dead-letter queue', () => {
  let database: TestResource;
  let vhost: TestResource;
  let orm: MikroORM;
  let amqp: AmqpConnection;
  let probe: Awaited<ReturnType<typeof brokerProbe>>;
  const consumers: Consumer<unknown>[] = [];
  const metrics = new MessagingMetrics(new Registry());
  const settled = async (queue: string) =>
    Object.fromEntries(
      (await metrics.consumed.get()).values
        .filter((v) => v.labels.queue === queue)
        .map((v) => [v.labels.outcome, v.value]),
    );

  beforeAll(async () => {
    [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    orm = await openTestOrm(database.url, SCHEMA);
    await orm.em.getConnection().execute(`create table ${SCHEMA}.sent (message_id text not null)`);
    amqp = new AmqpConnection(vhost.url, recordingLog(), 'retry-test');
    probe = await brokerProbe(vhost.url);
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await amqp?.close();
    await probe?.connection.close();
    await orm?.close();
    await vhost?.drop();
    await database?.drop();
  });

  /** A consumer of `queue` bound to chasqui.jobs/<queue>, with the tiers above. */
  async function startConsumer<T>(
    queue: string,
    handle: (message: T, meta: MessageMeta) => Promise<void>,
    decode: (body: Buffer) => T,
    prefetch = 5,
  ) {
    const log = recordingLog();
    const consumer = new Consumer<T>({
      amqp,
      log,
      queue,
      bindings: [{ exchange: 'chasqui.jobs', routingKey: queue }],
      prefetch,
      retryDelaysMs: RETRY_DELAYS_MS,
      decode,
      handle,
      metrics,
    });
    await consumer.start();
    consumers.push(consumer as Consumer<unknown>);
    return log;
  }

  const warnings = (log: ReturnType<typeof recordingLog>) =>
    log.entries
      .filter((e) => e.level === 'warn')
      .map((e) => ({ to: e.fields.to, attempt: e.fields.attempt, error: e.fields.error }));

  it('retries a send that fails twice through both tiers and applies it once, seen as attempts 0, 1, 2', async () => {
    const queue = 'test.flaky-send';
    const attempts: number[] = [];
    const log = await startConsumer<string>(
      queue,
      async (_job, meta) => {
        attempts.push(meta.attempt);
        if (meta.attempt < 2) throw new Error(`SMTP 451 try ${meta.attempt}`);
        await orm.em.fork().transactional(async (em) => {
          if (await claimOnce(em, SCHEMA, 'delivery', meta.messageId))
            await em.execute(`insert into ${SCHEMA}.sent (message_id) values (?)`, [meta.messageId]);
        });
      },
      (body) => body.toString(),
    );

    const messageId = await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, 'send reminder 1');

    await eventually(
      'the send applied',
      async () => (await orm.em.fork().execute(`select 1 from ${SCHEMA}.sent`)).length > 0,
    );
    expect(attempts).toEqual([0, 1, 2]);
    expect(warnings(log)).toEqual([
      { to: `${queue}.retry.200ms`, attempt: 0, error: 'SMTP 451 try 0' },
      { to: `${queue}.retry.400ms`, attempt: 1, error: 'SMTP 451 try 1' },
    ]);
    expect(await orm.em.fork().execute(`select message_id from ${SCHEMA}.sent`)).toEqual([{ message_id: messageId }]);
    for (const q of [queue, `${queue}.retry.200ms`, `${queue}.retry.400ms`, `${queue}.dead`])
      expect(await readyCount(probe.channel, q)).toBe(0);
  });

  it('dead-letters a message that always fails after the last tier, while the messages behind it keep flowing', async () => {
    const queue = 'test.poison';
    const events: string[] = [];
    // One delivery at a time: a poison message that held its place would stop everything behind it.
    const log = await startConsumer<string>(
      queue,
      async (body, meta) => {
        events.push(`${body}@${meta.attempt}`);
        if (body === 'poison') throw new Error('template reminder-3 is missing');
      },
      (body) => body.toString(),
      1,
    );

    const poisonId = await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, 'poison');
    for (let i = 0; i < 20; i++) await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, `good-${i}`);

    const dead = await takeMessage(probe.channel, `${queue}.dead`);
    expect(dead.content.toString()).toBe('poison');
    expect(dead.properties.messageId).toBe(poisonId);
    expect(dead.properties.type).toBe('chasqui.test.v1.Thing');
    expect(dead.properties.headers).toMatchObject({
      'tenant-id': 'tenant-1',
      'x-attempt': 3,
      'x-last-error': 'template reminder-3 is missing',
    });
    expect(events.filter((e) => e.startsWith('poison'))).toEqual(['poison@0', 'poison@1', 'poison@2']);
    expect(events.filter((e) => e.startsWith('good')).length).toBe(20);
    // All 20 were handled while the poison message waited in its first retry tier.
    expect(events.indexOf('poison@1')).toBeGreaterThan(events.indexOf('good-19@0'));
    expect(warnings(log).map((w) => w.to)).toEqual([`${queue}.retry.200ms`, `${queue}.retry.400ms`, `${queue}.dead`]);
    expect(await settled(queue)).toEqual({ ok: 20, retried: 2, dead: 1 });
  });

  it('dead-letters an undecodable body at once, without retries and without calling the handler', async () => {
    const queue = 'test.garbage';
    const handled: string[] = [];
    const log = await startConsumer<string>(
      queue,
      async (body) => {
        handled.push(body);
      },
      (body) => {
        if (!body.toString().startsWith('job:')) throw new Error('invalid wire type 7 at offset 0');
        return body.toString();
      },
    );

    const garbageId = await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, '\u00ff\u00fe garbage');
    await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, 'job:fine');

    const dead = await takeMessage(probe.channel, `${queue}.dead`);
    expect(dead.properties.messageId).toBe(garbageId);
    expect(dead.properties.headers).toMatchObject({
      'x-attempt': 1,
      'x-failure': 'permanent',
      'x-last-error': 'undecodable: invalid wire type 7 at offset 0',
    });
    await eventually('the good job handled', () => handled.length === 1);
    expect(handled).toEqual(['job:fine']);
    expect(warnings(log)).toEqual([
      { to: `${queue}.dead`, attempt: 0, error: 'undecodable: invalid wire type 7 at offset 0' },
    ]);
  });
});
