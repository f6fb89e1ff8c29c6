import { createTestDatabase, createTestVhost, type TestResource } from '@chasqui/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AmqpConnection, claimOnce, Consumer, enqueue, OutboxRelay } from '../src';
import { brokerProbe, eventually, openTestOrm, readyCount, recordingLog } from './support';

jest.setTimeout(240_000);

const SCHEMA = 'scheduler';
const QUEUE = 'test.render-jobs';
const MESSAGES = 2_000;

/**
 * Relay A crashes in the worst place, every time: its batch is published and
 * confirmed, its DELETE is running, and its session dies before COMMIT. The
 * rows come back and are published again (by relay B, or A's next try). The
 * consumer must still apply every message exactly once.
 */
describe('relay crash safety', () => {
  let database: TestResource;
  let vhost: TestResource;
  let orm: MikroORM;
  let relayOrms: MikroORM[];
  let amqp: AmqpConnection;
  let probe: Awaited<ReturnType<typeof brokerProbe>>;

  beforeAll(async () => {
    [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    orm = await openTestOrm(database.url, SCHEMA);
    relayOrms = [
      await openTestOrm(database.url, SCHEMA, 'relay-a'),
      await openTestOrm(database.url, SCHEMA, 'relay-b'),
    ];
    // No unique key on purpose: a message applied twice would show up as two rows.
    await orm.em.getConnection().execute(`create table ${SCHEMA}.applied (message_id text not null)`);
    // Holds relay A inside its DELETE, after the publishes were confirmed, long enough to be killed there.
    await orm.em.getConnection().execute(`
      create function ${SCHEMA}.stall_relay_a() returns trigger language plpgsql as $$
      begin
        if current_setting('application_name') = 'relay-a' then perform pg_sleep(30); end if;
        return null;
      end $$`);
    await orm.em
      .getConnection()
      .execute(
        `create trigger stall_relay_a before delete on ${SCHEMA}.outbox for each statement execute function ${SCHEMA}.stall_relay_a()`,
      );
    amqp = new AmqpConnection(vhost.url, recordingLog(), 'crash-test');
    probe = await brokerProbe(vhost.url);
  });

  afterAll(async () => {
    await amqp?.close();
    await probe?.connection.close();
    for (const o of [orm, ...(relayOrms ?? [])]) await o?.close();
    await vhost?.drop();
    await database?.drop();
  });

  it('publishes each of 2,000 messages at least once with two relays, and the consumer applies each exactly once', async () => {
    let deliveries = 0;
    const consumer = new Consumer<string>({
      amqp,
      log: recordingLog(),
      queue: QUEUE,
      bindings: [{ exchange: 'chasqui.jobs', routingKey: 'render' }],
      prefetch: 20,
      retryDelaysMs: [200, 400],
      decode: (body) => body.toString(),
      // Idempotent through the inbox: the claim and the effect commit together.
      handle: async (_job, meta) => {
        deliveries++;
        await orm.em.fork().transactional(async (em) => {
          if (!(await claimOnce(em, SCHEMA, 'renderer', meta.messageId))) return;
          await em.execute(`insert into ${SCHEMA}.applied (message_id) values (?)`, [meta.messageId]);
        });
      },
    });
    await consumer.start();

    for (let batch = 0; batch < MESSAGES / 100; batch++) {
      await orm.em.fork().transactional(async (em) => {
        for (let i = 0; i < 100; i++) {
          await enqueue(em, SCHEMA, {
            exchange: 'chasqui.jobs',
            routingKey: 'render',
            type: 'chasqui.scheduler.v1.RenderJob',
            body: Buffer.from(`occurrence-${batch * 100 + i}`),
            tenantId: 'tenant-1',
            idempotencyKey: `render:${batch * 100 + i}`,
          });
        }
      });
    }

    const relays = relayOrms.map(
      (relayOrm) =>
        new OutboxRelay({ orm: relayOrm, schema: SCHEMA, amqp, log: recordingLog(), batchSize: 50, idleMs: 20 }),
    );
    relays.forEach((relay) => relay.start());

    let kills = 0;
    let crashing = true;
    const crasher = (async () => {
      while (crashing) {
        const killed = await orm.em.fork().execute(
          `select pg_terminate_backend(pid) as done from pg_stat_activity
             where application_name = 'relay-a' and wait_event = 'PgSleep'`,
        );
        kills += killed.filter((row) => row.done).length;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();

    const count = async (sql: string) => Number((await orm.em.fork().execute(sql))[0].n as string);
    await eventually(
      'an empty outbox',
      async () => (await count(`select count(*) as n from ${SCHEMA}.outbox`)) === 0,
      90_000,
    );
    crashing = false;
    await crasher;
    await Promise.all(relays.map((relay) => relay.stop()));
    await eventually('a drained queue', async () => (await readyCount(probe.channel, QUEUE)) === 0, 90_000);
    await consumer.stop();

    expect(kills).toBeGreaterThan(0);
    expect(deliveries).toBeGreaterThan(MESSAGES); // some messages really were published twice
    expect(await count(`select count(*) as n from ${SCHEMA}.applied`)).toBe(MESSAGES);
    expect(await count(`select count(distinct message_id) as n from ${SCHEMA}.applied`)).toBe(MESSAGES);
    expect(await count(`select count(*) as n from ${SCHEMA}.inbox`)).toBe(MESSAGES);
  });
});
