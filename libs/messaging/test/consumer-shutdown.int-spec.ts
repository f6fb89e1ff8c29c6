import { createTestVhost, type TestResource } from '@chasqui/testing';
import { AmqpConnection, Consumer, type MessageMeta } from '../src';
import { brokerProbe, eventually, publishLikeRelay, readyCount, recordingLog, sleep } from './support';

jest.setTimeout(60_000);

/** A promise the test settles by hand: the handler's work "in flight". */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('consumer shutdown loses nothing', () => {
  let vhost: TestResource;
  let probe: Awaited<ReturnType<typeof brokerProbe>>;
  const connections: AmqpConnection[] = [];

  const consumerOf = (queue: string, handle: (body: string, meta: MessageMeta) => Promise<void>) => {
    const amqp = new AmqpConnection(vhost.url, recordingLog(), 'shutdown-test');
    connections.push(amqp);
    const consumer = new Consumer<string>({
      amqp,
      log: recordingLog(),
      queue,
      bindings: [{ exchange: 'chasqui.jobs', routingKey: queue }],
      prefetch: 5,
      retryDelaysMs: [200, 400],
      decode: (body) => body.toString(),
      handle,
    });
    return { amqp, consumer };
  };

  beforeAll(async () => {
    vhost = await createTestVhost();
    probe = await brokerProbe(vhost.url);
  });

  afterAll(async () => {
    for (const amqp of connections) await amqp.close();
    await probe?.connection.close();
    await vhost?.drop();
  });

  it('stop() waits for the handler in flight, which then acks its message', async () => {
    const queue = 'test.render-slow';
    const work = gate();
    const started: string[] = [];
    const finished: string[] = [];
    const { consumer } = consumerOf(queue, async (body) => {
      started.push(body);
      await work.promise;
      finished.push(body);
    });
    await consumer.start();
    await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, 'render occurrence 1');
    await eventually('the handler started', () => started.length === 1);

    let stopped = false;
    const stopping = consumer.stop().then(() => (stopped = true));
    await sleep(300);
    expect(stopped).toBe(false);

    work.open();
    await stopping;
    expect(finished).toEqual(['render occurrence 1']);
    // Acked before the channel closed: nothing went back to the queue.
    expect(await readyCount(probe.channel, queue)).toBe(0);
  });

  it('redelivers to a new consumer a message whose handler never finished before the channel closed', async () => {
    const queue = 'test.render-crash';
    const firstSeen: MessageMeta[] = [];
    const crashed = consumerOf(queue, async (_body, meta) => {
      firstSeen.push(meta);
      await new Promise<never>(() => undefined); // the process dies mid-render
    });
    await crashed.consumer.start();
    const messageId = await publishLikeRelay(probe.channel, 'chasqui.jobs', queue, 'render occurrence 2');
    await eventually('the first handler started', () => firstSeen.length === 1);

    await crashed.amqp.close(); // its channel goes away with the delivery unacked

    const secondSeen: { body: string; meta: MessageMeta }[] = [];
    const next = consumerOf(queue, async (body, meta) => {
      secondSeen.push({ body, meta });
    });
    await next.consumer.start();
    await eventually('the redelivery', () => secondSeen.length === 1);
    await next.consumer.stop();

    expect(firstSeen[0]).toMatchObject({ messageId, attempt: 0, redelivered: false });
    expect(secondSeen[0].body).toBe('render occurrence 2');
    expect(secondSeen[0].meta).toMatchObject({ messageId, attempt: 0, redelivered: true });
    expect(await readyCount(probe.channel, queue)).toBe(0);
  });
});
