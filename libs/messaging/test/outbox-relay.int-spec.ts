import { createTestDatabase, createTestVhost, type TestResource } from '@chasqui/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Registry } from 'prom-client';
import {
  AmqpConnection,
  declareExchanges,
  enqueue,
  enqueueMany,
  MessagingMetrics,
  OutboxRelay,
  type OutgoingMessage,
} from '../src';
import { brokerProbe, eventually, openTestOrm, readyCount, recordingLog, takeMessage } from './support';

jest.setTimeout(30_000);

const SCHEMA = 'receivables';
const OBSERVER = 'test.invoice-issued-observer';

function invoiceIssued(invoiceId: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    exchange: 'chasqui.events',
    routingKey: 'receivables.invoice.issued',
    type: 'chasqui.receivables.v1.InvoiceIssued',
    body: new TextEncoder().encode(invoiceId),
    tenantId: 'tenant-7',
    idempotencyKey: `invoice-issued:${invoiceId}`,
    ...extra,
  };
}

describe('outbox relay publishes what committed, and only that', () => {
  let database: TestResource;
  let vhost: TestResource;
  let orm: MikroORM;
  let amqp: AmqpConnection;
  let relay: OutboxRelay;
  let probe: Awaited<ReturnType<typeof brokerProbe>>;
  const metrics = new MessagingMetrics(new Registry());
  const relayLog = recordingLog();

  /** The change and its event in one transaction, like a use case does it. */
  const issueInvoice = (invoiceId: string, message = invoiceIssued(invoiceId), fail = false) =>
    orm.em.fork().transactional(async (em) => {
      await em.execute(`insert into ${SCHEMA}.invoices (id) values (?)`, [invoiceId]);
      await enqueue(em, SCHEMA, message);
      if (fail) throw new Error('due date before issue date');
    });

  beforeAll(async () => {
    [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    orm = await openTestOrm(database.url, SCHEMA);
    await orm.em.getConnection().execute(`create table ${SCHEMA}.invoices (id text primary key)`);
    probe = await brokerProbe(vhost.url);
    await declareExchanges(probe.channel);
    await probe.channel.assertQueue(OBSERVER, { durable: false });
    await probe.channel.bindQueue(OBSERVER, 'chasqui.events', 'receivables.invoice.issued');
    amqp = new AmqpConnection(vhost.url, recordingLog(), 'relay-test');
    relay = new OutboxRelay({ orm, schema: SCHEMA, amqp, log: relayLog, idleMs: 50, metrics });
    relay.start();
  });

  const outboxCount = async () =>
    Number((await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ${SCHEMA}.outbox`))[0].n);
  const tried = () => relayLog.entries.some((e) => e.message.startsWith('jobs have no queue bound yet'));

  afterAll(async () => {
    await relay?.stop();
    await amqp?.close();
    await probe?.connection.close();
    await orm?.close();
    await vhost?.drop();
    await database?.drop();
  });

  const outboxSize = async () =>
    Number((await orm.em.fork().execute(`select count(*) as n from ${SCHEMA}.outbox`))[0].n as string);

  it('publishes an event enqueued in a committed transaction once, with all its properties and headers', async () => {
    await issueInvoice(
      'INV-1',
      invoiceIssued('INV-1', { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }),
    );
    relay.nudge();

    const received = await takeMessage(probe.channel, OBSERVER);
    await eventually('an empty outbox', async () => (await outboxSize()) === 0);

    expect(received.content.toString()).toBe('INV-1');
    expect(received.fields).toMatchObject({ exchange: 'chasqui.events', routingKey: 'receivables.invoice.issued' });
    expect(received.properties).toMatchObject({
      deliveryMode: 2,
      contentType: 'application/x-protobuf',
      type: 'chasqui.receivables.v1.InvoiceIssued',
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      timestamp: expect.any(Number),
      headers: {
        'tenant-id': 'tenant-7',
        'idempotency-key': 'invoice-issued:INV-1',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      },
    });
    expect(await readyCount(probe.channel, OBSERVER)).toBe(0);
    expect((await metrics.published.get()).values).toEqual([
      expect.objectContaining({ labels: { exchange: 'chasqui.events' }, value: 1 }),
    ]);
  });

  it('generates a traceparent when the message has none', async () => {
    await issueInvoice('INV-2');
    relay.nudge();

    const received = await takeMessage(probe.channel, OBSERVER);

    expect(received.properties.headers?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('never publishes an event enqueued in a transaction that rolled back', async () => {
    await expect(issueInvoice('INV-3', invoiceIssued('INV-3'), true)).rejects.toThrow('due date before issue date');
    await issueInvoice('INV-4');
    relay.nudge();

    // The relay publishes in enqueue order, so had INV-3 committed it would have gone out with or before INV-4.
    const received = await takeMessage(probe.channel, OBSERVER);
    await eventually('an empty outbox', async () => (await outboxSize()) === 0);

    expect(received.content.toString()).toBe('INV-4');
    expect(await readyCount(probe.channel, OBSERVER)).toBe(0);
    expect(await orm.em.fork().execute(`select id from ${SCHEMA}.invoices order by id`)).toEqual([
      { id: 'INV-1' },
      { id: 'INV-2' },
      { id: 'INV-4' },
    ]);
  });

  it('publishes a batch enqueued in one statement, each message once and intact', async () => {
    const ids = ['inv-b1', 'inv-b2', 'inv-b3'];
    await orm.em.fork().transactional(async (em) => {
      for (const id of ids) await em.execute(`insert into ${SCHEMA}.invoices (id) values (?)`, [id]);
      await enqueueMany(
        em,
        SCHEMA,
        ids.map((id) => invoiceIssued(id)),
      );
    });
    relay.nudge();
    const bodies = [];
    for (let i = 0; i < ids.length; i++) bodies.push((await takeMessage(probe.channel, OBSERVER)).content.toString());
    expect(bodies.sort()).toEqual(ids);
    expect(await readyCount(probe.channel, OBSERVER)).toBe(0);
  });

  it('keeps a job in the outbox while no queue is bound for it, and delivers it once one is', async () => {
    const job = invoiceIssued('inv-job', { exchange: 'chasqui.jobs', routingKey: 'test-render' });
    await issueInvoice('inv-job', job);
    relay.nudge();
    await eventually('the relay to try and get it back', () => outboxCount().then((n) => n === 1 && tried()));
    expect(await outboxCount()).toBe(1);

    await probe.channel.assertQueue('test.render-jobs', { durable: false });
    await probe.channel.bindQueue('test.render-jobs', 'chasqui.jobs', 'test-render');
    await eventually('the job to reach its queue', () => outboxCount().then((n) => n === 0));
    const received = await takeMessage(probe.channel, 'test.render-jobs');
    expect(received.content.toString()).toBe('inv-job');
  });

  it('refuses to enqueue outside a transaction, where the event would commit on its own', async () => {
    await expect(enqueue(orm.em.fork(), SCHEMA, invoiceIssued('INV-5'))).rejects.toThrow(/inside the transaction/);
  });
});
