import { createTestDatabase, createTestVhost, type TestResource } from '@chasqui/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AmqpConnection, Consumer, enqueue, OutboxRelay } from '../src';
import { eventually, openTestOrm, recordingLog } from './support';

jest.setTimeout(90_000);

const SCHEMA = 'scheduler';

describe('when the broker drops every connection', () => {
  let database: TestResource;
  let vhost: TestResource;
  let orm: MikroORM;
  let amqp: AmqpConnection;
  let relay: OutboxRelay;
  let consumer: Consumer<string>;
  const seen: string[] = [];

  const sendJob = (occurrence: string) =>
    orm.em.fork().transactional((em) =>
      enqueue(em, SCHEMA, {
        exchange: 'chasqui.jobs',
        routingKey: 'render',
        type: 'chasqui.scheduler.v1.RenderJob',
        body: Buffer.from(occurrence),
        tenantId: 'tenant-1',
        idempotencyKey: `render:${occurrence}`,
      }),
    );

  beforeAll(async () => {
    [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    orm = await openTestOrm(database.url, SCHEMA);
    amqp = new AmqpConnection(vhost.url, recordingLog(), 'reconnect-test');
    relay = new OutboxRelay({ orm, schema: SCHEMA, amqp, log: recordingLog(), idleMs: 50 });
    consumer = new Consumer<string>({
      amqp,
      log: recordingLog(),
      queue: 'test.render-jobs',
      bindings: [{ exchange: 'chasqui.jobs', routingKey: 'render' }],
      prefetch: 5,
      retryDelaysMs: [200],
      decode: (body) => body.toString(),
      handle: async (occurrence) => {
        seen.push(occurrence);
      },
    });
    await consumer.start();
    relay.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await amqp?.close();
    await orm?.close();
    await vhost?.drop();
    await database?.drop();
  });

  it('reconnects on its own: the relay publishes and the consumer consumes again', async () => {
    await sendJob('before');
    await eventually('the job sent before', () => seen.includes('before'));

    await promisify(execFile)('rabbitmqctl', ['close_all_connections', '-p', vhost.name, 'maintenance']);
    await eventually('the connection lost', () => !amqp.isConnected());
    await sendJob('after');

    await eventually('the job sent after', () => seen.includes('after'), 60_000);
    expect(amqp.isConnected()).toBe(true);
    expect(seen).toEqual(['before', 'after']);
  });
});
