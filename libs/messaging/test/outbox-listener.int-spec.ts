import { createTestDatabase, createTestVhost, type TestResource } from '@chasqui/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { AmqpConnection, declareExchanges, enqueue, OutboxRelay, outboxNotifySql } from '../src';
import { brokerProbe, eventually, openTestOrm, recordingLog, takeMessage } from './support';

jest.setTimeout(60_000);

const SCHEMA = 'scheduler';
const OBSERVER = 'test.listener-observer';

/**
 * A relay given `listenUrl` sleeps while idle and wakes on the outbox's
 * insert notification — from any process, with no nudge — and polls again
 * while its listening connection is gone.
 */
describe('outbox relay woken by PostgreSQL notifications', () => {
  let database: TestResource;
  let vhost: TestResource;
  let orm: MikroORM;
  let amqp: AmqpConnection;
  let relay: OutboxRelay;
  let probe: Awaited<ReturnType<typeof brokerProbe>>;
  let other: Client;
  const log = recordingLog();

  /** Another process's commit: a row in the outbox, and no nudge to this relay. */
  const enqueueElsewhere = (n: number) =>
    orm.em.fork().transactional((em) =>
      enqueue(em, SCHEMA, {
        exchange: 'chasqui.events',
        routingKey: 'scheduler.test',
        type: 'test',
        body: new TextEncoder().encode(`message-${n}`),
        tenantId: 't',
        idempotencyKey: `k-${n}`,
      }),
    );

  beforeAll(async () => {
    [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    orm = await openTestOrm(database.url, SCHEMA);
    for (const sql of outboxNotifySql(SCHEMA)) await orm.em.getConnection().execute(sql);
    probe = await brokerProbe(vhost.url);
    await declareExchanges(probe.channel);
    await probe.channel.assertQueue(OBSERVER, { durable: false });
    await probe.channel.bindQueue(OBSERVER, 'chasqui.events', 'scheduler.test');
    other = new Client({ connectionString: database.url });
    await other.connect();
    amqp = new AmqpConnection(vhost.url, recordingLog(), 'listener-test');
    // Polling alone would take a minute: anything sooner came from a notification.
    relay = new OutboxRelay({ orm, schema: SCHEMA, amqp, log, idleMs: 60_000, listenUrl: database.url });
    relay.start();
    await eventually('the relay to listen', async () => (await listeners()) === 1);
  });

  afterAll(async () => {
    await relay?.stop();
    await amqp?.close();
    await probe?.connection.close();
    await other?.end();
    await orm?.close();
    await vhost?.drop();
    await database?.drop();
  });

  const listeners = async () =>
    (
      await other.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where application_name = 'outbox-listener ${SCHEMA}'`,
      )
    ).rows[0].n;

  it('publishes a row committed without a nudge before its next poll (a minute away)', async () => {
    await enqueueElsewhere(1);
    // takeMessage gives up after 20 s, long before the relay would poll.
    const received = await takeMessage(probe.channel, OBSERVER);
    expect(received.content.toString()).toBe('message-1');
  });

  it('listens again after its connection is killed, and what committed meanwhile goes out', async () => {
    await other.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'outbox-listener ${SCHEMA}'`,
    );
    await eventually('the listener to notice', async () =>
      log.entries.some((e) => e.message.startsWith('outbox listener lost its connection')),
    );
    await enqueueElsewhere(2);
    // Reconnected, it looks once for what committed while nobody listened.
    const received = await takeMessage(probe.channel, OBSERVER);
    expect(received.content.toString()).toBe('message-2');
    await eventually('the relay to listen again', async () => (await listeners()) === 1);
    await enqueueElsewhere(3);
    expect((await takeMessage(probe.channel, OBSERVER)).content.toString()).toBe('message-3');
  });
});
