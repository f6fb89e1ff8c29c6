import { createTestDatabase, createTestVhost, type TestResource } from '@chasqui/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  AmqpConnection,
  Consumer,
  DeadLetterArchive,
  DeadLetterStore,
  deadLettersTableSql,
  OutboxRelay,
  PermanentFailure,
  type DeadLetter,
  type MessageMeta,
} from '../src';
import { brokerProbe, eventually, openTestOrm, publishLikeRelay, recordingLog } from './support';

jest.setTimeout(60_000);

const SCHEMA = 'dead_letter_test';

/**
 * Dead letters are an operator's tool: the archive keeps each with why it
 * died, the store lists them by queue, reason, tenant and age, and a replay
 * sends each back once, with its attempt counts reset.
 */
describe('dead letters, kept and replayed', () => {
  let database: TestResource;
  let vhost: TestResource;
  let orm: MikroORM;
  let amqp: AmqpConnection;
  let relay: OutboxRelay;
  let archive: DeadLetterArchive;
  let store: DeadLetterStore;
  let probe: Awaited<ReturnType<typeof brokerProbe>>;
  const consumers: Consumer<string>[] = [];
  const hooked: DeadLetter[] = [];
  let fixed = false;
  const handled: { body: string; meta: MessageMeta }[] = [];
  const QUEUE = 'test.render-jobs';

  beforeAll(async () => {
    [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    orm = await openTestOrm(database.url, SCHEMA);
    for (const sql of deadLettersTableSql(SCHEMA)) await orm.em.getConnection().execute(sql);
    const log = recordingLog();
    amqp = new AmqpConnection(vhost.url, log, 'dead-letters-test');
    relay = new OutboxRelay({ orm, schema: SCHEMA, amqp, log, idleMs: 50 });
    relay.start();
    store = new DeadLetterStore(orm, SCHEMA, relay);
    const consumer = new Consumer<string>({
      amqp,
      log,
      queue: QUEUE,
      bindings: [{ exchange: 'chasqui.jobs', routingKey: QUEUE }],
      prefetch: 5,
      retryDelaysMs: [100],
      decode: (body) => {
        const text = body.toString();
        if (text.startsWith('garbage')) throw new Error('not a render job');
        return text;
      },
      handle: async (body, meta) => {
        if (!fixed) throw new PermanentFailure(`receivables: customer ${body} not found`);
        handled.push({ body, meta });
      },
    });
    await consumer.start();
    consumers.push(consumer);
    archive = new DeadLetterArchive({
      amqp,
      orm,
      schema: SCHEMA,
      log,
      relay,
      queues: [{ queue: QUEUE, onDeadLetter: async (letter) => void hooked.push(letter) }],
    });
    await archive.start();
    probe = await brokerProbe(vhost.url);
  });

  afterAll(async () => {
    await archive?.stop();
    for (const consumer of consumers) await consumer.stop();
    await relay?.stop();
    await amqp?.close();
    await probe?.connection.close();
    await orm?.close();
    await Promise.all([database?.drop(), vhost?.drop()]);
  });

  const pending = (filter = {}) => store.list({ queue: QUEUE, ...filter }, 100);

  it('keeps each dead letter with its reason, kind and tenant, and tells its owner once', async () => {
    const id = await publishLikeRelay(probe.channel, 'chasqui.jobs', QUEUE, 'c-deleted');
    const undecodable = await publishLikeRelay(probe.channel, 'chasqui.jobs', QUEUE, 'garbage \u0000');
    const letters = await eventually('two letters kept', async () => {
      const list = await pending();
      return list.length === 2 ? list : undefined;
    });
    const byId = Object.fromEntries(letters.map((l) => [l.messageId, l]));
    expect(byId[id]).toMatchObject({
      reason: 'receivables: customer c-deleted not found',
      death: 'permanent',
      tenantId: 'tenant-1',
      replayedAt: null,
    });
    expect(byId[undecodable].reason).toBe('undecodable: not a render job');
    expect(hooked.map((l) => l.messageId).sort()).toEqual([id, undecodable].sort());
    expect((await probe.channel.checkQueue(`${QUEUE}.dead`)).messageCount).toBe(0);
  });

  it('lists by reason words, tenant and age', async () => {
    expect(await pending({ reasonContains: 'NOT FOUND' })).toHaveLength(1);
    expect(await pending({ reasonContains: '100%_' })).toHaveLength(0);
    expect(await pending({ tenantId: 'tenant-2' })).toHaveLength(0);
    expect(await pending({ deadBefore: new Date(Date.now() - 3_600_000) })).toHaveLength(0);
    expect(await pending({ deadAfter: new Date(Date.now() - 3_600_000) })).toHaveLength(2);
    const [first] = await store.list({ queue: QUEUE }, 1);
    const rest = await store.list({ queue: QUEUE }, 10, { deadLetteredAt: first.deadLetteredAt, id: first.id });
    expect(rest.map((l) => l.id)).not.toContain(first.id);
    expect(rest).toHaveLength(1);
  });

  it('replays once the cause is fixed: delivered once, with its messageId and a fresh attempt count', async () => {
    fixed = true;
    const [letter] = await pending({ reasonContains: 'not found' });
    const replayed = await store.replay({ ids: [letter.id] }, 100, 'ops: customer restored');
    expect(replayed.map((l) => l.id)).toEqual([letter.id]);
    expect(await store.replay({ ids: [letter.id] }, 100, 'twice')).toEqual([]);
    const delivery = await eventually('the replay handled', () => handled.find((h) => h.body === 'c-deleted'));
    expect(delivery.meta).toMatchObject({ messageId: letter.messageId, attempt: 0, transientAttempt: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(handled.filter((h) => h.body === 'c-deleted')).toHaveLength(1);
    expect(await pending()).toHaveLength(1);
    const history = await store.list({ queue: QUEUE, includeReplayed: true }, 100);
    expect(history.find((l) => l.id === letter.id)).toMatchObject({ replayedBy: 'ops: customer restored' });
  });

  it('a replayed message that dies again is a new letter', async () => {
    const [undecodable] = await pending();
    await store.replay({ ids: [undecodable.id] }, 100, 'ops');
    const again = await eventually('the letter back', async () => {
      const list = await pending();
      return list.length === 1 && list[0].id !== undecodable.id ? list : undefined;
    });
    expect(again[0]).toMatchObject({ messageId: undecodable.messageId, reason: 'undecodable: not a render job' });
  });
});
