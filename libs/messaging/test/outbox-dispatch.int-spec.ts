import { nativeQuery } from '@chasqui/persistence';
import { createTestDatabase, createTestVhost, type TestResource } from '@chasqui/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { declareExchanges, OutboxRelay, outboxInsert, outboxNotifyUnclaimedSql, type OutgoingMessage } from '../src';
import { AmqpConnection } from '../src/amqp-connection';
import { brokerProbe, eventually, openTestOrm, readyCount, recordingLog, takeMessage } from './support';

jest.setTimeout(30_000);

const SCHEMA = 'renderer';
const SEND_JOBS = 'test.send-jobs';

function sendJob(occurrenceId: string): OutgoingMessage {
  return {
    exchange: 'chasqui.jobs',
    routingKey: 'send.job',
    type: 'chasqui.renderer.v1.SendJob',
    body: new TextEncoder().encode(occurrenceId),
    tenantId: 'tenant-7',
    idempotencyKey: occurrenceId,
  };
}

/**
 * A writer that claims its outbox row and publishes it itself once it commits
 * (OutboxRelay.dispatch), as the renderer does with its send jobs: the row
 * goes out once, and a relay publishes it only when the writer did not.
 */
describe('outbox rows claimed and dispatched by their writer', () => {
  let database: TestResource;
  let vhost: TestResource;
  let orm: MikroORM;
  let amqp: AmqpConnection;
  let relay: OutboxRelay;
  let probe: Awaited<ReturnType<typeof brokerProbe>>;

  /** The writer's one statement: a rendition and its send job, claimed for `claimMs`. */
  const render = async (occurrenceId: string, claimMs?: number) => {
    const job = outboxInsert(SCHEMA, sendJob(occurrenceId), claimMs);
    await nativeQuery(
      orm.em.fork(),
      `with rendered as (insert into ${SCHEMA}.renditions (id) values (?) returning 1) ${job.into} ${job.select} from rendered`,
      [occurrenceId, ...job.params],
    );
    return job.row;
  };
  const outboxIds = async () =>
    (await orm.em.fork().execute<{ id: string }[]>(`select id from ${SCHEMA}.outbox order by seq`)).map((r) => r.id);

  beforeAll(async () => {
    [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    orm = await openTestOrm(database.url, SCHEMA);
    const sql = orm.em.getConnection();
    await sql.execute(`create table ${SCHEMA}.renditions (id text primary key)`);
    for (const statement of outboxNotifyUnclaimedSql(SCHEMA)) await sql.execute(statement);
    probe = await brokerProbe(vhost.url);
    await declareExchanges(probe.channel);
    await probe.channel.assertQueue(SEND_JOBS, { durable: false });
    await probe.channel.bindQueue(SEND_JOBS, 'chasqui.jobs', 'send.job');
    amqp = new AmqpConnection(vhost.url, recordingLog(), 'dispatch-test');
    // Listening: only an unclaimed row's notification wakes it (and it looks every 30 s anyway).
    relay = new OutboxRelay({ orm, schema: SCHEMA, amqp, log: recordingLog(), listenUrl: database.url });
    relay.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await amqp?.close();
    await probe?.connection.close();
    await orm?.close();
    await vhost?.drop();
    await database?.drop();
  });

  it('publishes a dispatched row once, with its properties, and deletes it', async () => {
    const row = await render('occ-dispatched', 30_000);
    await relay.dispatch(row);

    const message = await takeMessage(probe.channel, SEND_JOBS);
    expect(message.content.toString()).toBe('occ-dispatched');
    expect(message.properties).toMatchObject({ messageId: row.id, type: 'chasqui.renderer.v1.SendJob' });
    expect(message.properties.headers).toMatchObject({ 'tenant-id': 'tenant-7', 'idempotency-key': 'occ-dispatched' });
    await eventually('the dispatched row deleted', async () => ((await outboxIds()).length === 0 ? true : undefined));
    // An unclaimed row after it wakes the relay and is relayed: the claimed one was not published a second time.
    await render('occ-relayed');
    await eventually('the relayed row deleted', async () => ((await outboxIds()).length === 0 ? true : undefined));
    const second = await takeMessage(probe.channel, SEND_JOBS);
    expect(second.content.toString()).toBe('occ-relayed');
    expect(await readyCount(probe.channel, SEND_JOBS)).toBe(0);
  });

  it('leaves a claimed row that its writer never published until the claim runs out, then relays it', async () => {
    // The writer died between its commit and its publish: nothing dispatches this row.
    const orphan = await render('occ-orphan', 60_000);
    const shortClaim = await render('occ-short-claim', 1);
    await render('occ-unclaimed'); // wakes the relay
    await eventually('the unclaimed row relayed', async () => ((await outboxIds()).length === 1 ? true : undefined));
    // Relayed: the unclaimed row and the one whose claim ran out; the orphan's claim still holds.
    expect(await outboxIds()).toEqual([orphan.id]);
    const relayed = [await takeMessage(probe.channel, SEND_JOBS), await takeMessage(probe.channel, SEND_JOBS)];
    expect(relayed.map((m) => m.content.toString()).sort()).toEqual(['occ-short-claim', 'occ-unclaimed']);
    expect(relayed.map((m) => m.properties.messageId)).toContain(shortClaim.id);
    // Its claim over, the orphan goes out too.
    await orm.em.fork().execute(`update ${SCHEMA}.outbox set claimed_until = now() - interval '1 second'`);
    relay.nudge();
    const late = await takeMessage(probe.channel, SEND_JOBS);
    expect(late.properties.messageId).toBe(orphan.id);
    await eventually('the orphan deleted', async () => ((await outboxIds()).length === 0 ? true : undefined));
  });

  it('releases the claim of a row whose dispatch found no queue bound at once, for a relay to publish once there is one', async () => {
    await probe.channel.unbindQueue(SEND_JOBS, 'chasqui.jobs', 'send.job');
    expect(relay.canDispatch()).toBe(true);
    const row = await render('occ-unroutable', 60_000);
    await relay.dispatch(row); // returned by the broker: kept, and no longer claimed
    const [kept] = await orm.em
      .fork()
      .execute<{ id: string; claimed_until: Date | null }[]>(`select id, claimed_until from ${SCHEMA}.outbox`);
    expect(kept).toEqual({ id: row.id, claimed_until: null });
    await relay.stop();
    expect(relay.canDispatch()).toBe(false);
    expect(await readyCount(probe.channel, SEND_JOBS)).toBe(0);
    await probe.channel.bindQueue(SEND_JOBS, 'chasqui.jobs', 'send.job');
    relay.start();
    const message = await takeMessage(probe.channel, SEND_JOBS);
    expect(message.properties.messageId).toBe(row.id);
    await eventually('the row deleted', async () => ((await outboxIds()).length === 0 ? true : undefined));
  });
});
