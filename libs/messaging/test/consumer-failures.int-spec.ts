import { createTestVhost, type TestResource } from '@chasqui/testing';
import { Registry } from 'prom-client';
import {
  AmqpConnection,
  Consumer,
  MessagingMetrics,
  PermanentFailure,
  TransientFailure,
  type MessageMeta,
} from '../src';
import { brokerProbe, eventually, publishLikeRelay, readyCount, recordingLog, sleep, takeMessage } from './support';

jest.setTimeout(60_000);

const RETRY_DELAYS_MS = [200, 400];

describe('a consumer tells an outage from a bad message', () => {
  let vhost: TestResource;
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
  const circuit = async (queue: string, dependency: string) =>
    (await metrics.circuitOpen.get()).values.find((v) => v.labels.queue === queue && v.labels.dependency === dependency)
      ?.value;

  beforeAll(async () => {
    vhost = await createTestVhost();
    amqp = new AmqpConnection(vhost.url, recordingLog(), 'failures-test');
    probe = await brokerProbe(vhost.url);
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await amqp?.close();
    await probe?.connection.close();
    await vhost?.drop();
  });

  async function startConsumer(
    queue: string,
    handle: (body: string, meta: MessageMeta) => Promise<void>,
    options: { prefetch?: number; retryHorizonMs?: number } = {},
  ): Promise<Consumer<string>> {
    const consumer = new Consumer<string>({
      amqp,
      log: recordingLog(),
      queue,
      bindings: [{ exchange: 'chasqui.jobs', routingKey: queue }],
      prefetch: options.prefetch ?? 5,
      retryDelaysMs: RETRY_DELAYS_MS,
      retryHorizonMs: options.retryHorizonMs,
      decode: (body) => body.toString(),
      handle,
      metrics,
    });
    await consumer.start();
    consumers.push(consumer as Consumer<unknown>);
    return consumer;
  }

  it('dead-letters a permanent failure (a render job for a deleted customer) on the first failure, with its reason', async () => {
    const queue = 'test.deleted-customer';
    let calls = 0;
    await startConsumer(queue, async () => {
      calls += 1;
      throw new PermanentFailure('receivables: customer c-1 not found');
    });
    const id = await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, 'render c-1');
    const dead = await takeMessage(probe.channel, `${queue}.dead`);
    expect(dead.properties.messageId).toBe(id);
    expect(dead.properties.headers).toMatchObject({
      'x-failure': 'permanent',
      'x-last-error': 'receivables: customer c-1 not found',
    });
    expect(calls).toBe(1);
    expect(await settled(queue)).toEqual({ dead: 1 });
  });

  it('holds every delivery while a dependency is down, without touching the retry tiers, and sends each once it is back', async () => {
    const queue = 'test.smtp-outage';
    let down = true;
    const handled: string[] = [];
    let calls = 0;
    await startConsumer(queue, async (body) => {
      calls += 1;
      if (down) throw new TransientFailure('SMTP 421 service not available', 'smtp');
      handled.push(body);
    });
    for (let i = 0; i < 30; i++) await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, `mail-${i}`);

    await eventually('the breaker open', async () => (await circuit(queue, 'smtp')) === 1);
    await sleep(3_000);
    // The five in flight are held; nothing cycles through the tiers, the rest waits in the queue.
    expect(await readyCount(probe.channel, queue)).toBe(25);
    for (const tier of RETRY_DELAYS_MS) expect(await readyCount(probe.channel, `${queue}.retry.${tier}ms`)).toBe(0);
    // Probes at growing intervals (1 s, 2 s…), not a call per message per moment.
    expect(calls).toBeLessThan(5 + 4);

    down = false;
    await eventually('all 30 sent', () => handled.length === 30, 30_000);
    expect(new Set(handled).size).toBe(30);
    expect(await circuit(queue, 'smtp')).toBe(0);
    expect(await readyCount(probe.channel, `${queue}.dead`)).toBe(0);
    expect(await settled(queue)).toEqual({ ok: 30 });
  });

  it('waits out a message-level transient failure (451) in the tiers on its own count, not the poison budget', async () => {
    const queue = 'test.greylisted';
    const seen: { attempt: number; transientAttempt: number }[] = [];
    await startConsumer(queue, async (_body, meta) => {
      seen.push({ attempt: meta.attempt, transientAttempt: meta.transientAttempt });
      if (meta.transientAttempt < 4) throw new TransientFailure('SMTP 451 greylisted, try later');
    });
    await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, 'mail');
    await eventually('delivered after four waits', () => seen.length === 5, 20_000);
    // Four failures, more than the two tiers of the poison budget, and never dead-lettered.
    expect(seen.map((s) => s.transientAttempt)).toEqual([0, 1, 2, 3, 4]);
    expect(seen.every((s) => s.attempt === 0)).toBe(true);
    expect(await settled(queue)).toEqual({ retried: 4, ok: 1 });
  });

  it('dead-letters a transient failure once the message is older than the retry horizon', async () => {
    const queue = 'test.past-horizon';
    await startConsumer(
      queue,
      async () => {
        throw new TransientFailure('SMTP 451 mailbox busy');
      },
      { retryHorizonMs: 1_500 },
    );
    const id = await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, 'mail');
    const dead = await takeMessage(probe.channel, `${queue}.dead`);
    expect(dead.properties.messageId).toBe(id);
    expect(dead.properties.headers).toMatchObject({
      'x-failure': 'transient',
      'x-last-error': 'gave up after the retry horizon: SMTP 451 mailbox busy',
    });
  });

  it('returns held deliveries to the head of the queue on stop, not to the tiers', async () => {
    const queue = 'test.stop-while-held';
    const consumer = await startConsumer(queue, async () => {
      throw new TransientFailure('receivables unavailable', 'receivables');
    });
    for (let i = 0; i < 8; i++) await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, `job-${i}`);
    await eventually('the breaker open', async () => (await circuit(queue, 'receivables')) === 1);
    await consumer.stop();
    // The broker applies the nacks after the channel's last frames: wait for it, then count.
    await eventually('all 8 back in the queue', async () => (await readyCount(probe.channel, queue)) === 8);
    for (const tier of RETRY_DELAYS_MS) expect(await readyCount(probe.channel, `${queue}.retry.${tier}ms`)).toBe(0);
    expect((await settled(queue)).requeued).toBe(5);
  });
});
