import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { processDelivery } from './delivery';
import { traceDelivery } from './message-tracing';
import type { ConsumerOptions } from './consumer-options';
import { DependencyBreakers } from './dependency-breakers';
import { deadQueueName } from './retry-policy';
import { declareConsumerTopology } from './topology';

/**
 * The one consumer abstraction: manual ack after the handler, failures through
 * the retry tiers to Q.dead, so a poison message never blocks the queue.
 */
export class Consumer<T> {
  private channel?: ChannelWrapper;
  private current?: { channel: ConfirmChannel; consumerTag: string };
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly breakers: DependencyBreakers;
  private unwatch: (() => void)[] = [];

  constructor(private readonly options: ConsumerOptions<T>) {
    if (!Number.isInteger(options.prefetch) || options.prefetch < 1) throw new Error('messaging: prefetch must be ≥ 1');
    this.breakers = new DependencyBreakers(options.queue, options.metrics);
  }

  /** The queue it consumes (its dead letters go to `<queue>.dead`). */
  get queue(): string {
    return this.options.queue;
  }

  /** Declares the topology, then consumes; on every reconnect again. */
  async start(): Promise<void> {
    this.stopping = false;
    this.channel = this.options.amqp.createChannel(`consumer ${this.options.queue}`);
    await this.channel.waitForConnect();
    // addSetup runs now and rejects if the first setup fails, so start() reports it.
    await this.channel.addSetup((channel: ConfirmChannel) => this.setup(channel));
    this.watchDepths(this.channel);
  }

  /**
   * Stops taking deliveries, lets the handlers in flight settle — what is held
   * or fails transiently meanwhile goes back to the head of the queue, not to
   * the retry tiers — then closes the channel.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const unwatch of this.unwatch.splice(0)) unwatch();
    const current = this.current;
    this.current = undefined;
    // A channel already gone has no consumer left to cancel.
    if (current)
      await Promise.resolve()
        .then(() => current.channel.cancel(current.consumerTag))
        .catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    await this.channel?.close();
    this.channel = undefined;
  }

  /** The queue's depth and its dead letters', read when Prometheus scrapes. */
  private watchDepths(channel: ChannelWrapper): void {
    const { metrics, queue } = this.options;
    if (!metrics) return;
    this.unwatch = [queue, deadQueueName(queue)].map((name) =>
      metrics.watchQueue(name, async () => (await channel.checkQueue(name)).messageCount),
    );
  }

  private async setup(channel: ConfirmChannel): Promise<void> {
    await declareConsumerTopology(channel, this.options);
    if (this.stopping) return;
    await channel.prefetch(this.options.prefetch);
    const { consumerTag } = await channel.consume(this.options.queue, (message) => this.receive(channel, message), {
      noAck: false,
    });
    this.current = { channel, consumerTag };
  }

  private receive(channel: ConfirmChannel, message: ConsumeMessage | null): void {
    if (!message) {
      // The broker cancelled us (queue deleted): rebuild the topology and consume again.
      if (!this.stopping) this.options.amqp.recover(`consumer ${this.options.queue}`, 'consumer cancelled by broker');
      return;
    }
    const context = { options: this.options, breakers: this.breakers, stopping: () => this.stopping };
    const work = traceDelivery(this.options.queue, message, () => processDelivery(channel, message, context))
      .catch((error: unknown) => this.options.log.error('delivery failed unexpectedly', { error: String(error) }))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }
}
