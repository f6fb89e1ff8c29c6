import type { Log } from '@chasqui/observability';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { AmqpConnection } from './amqp-connection';
import { metaOf, retryCopyOptions } from './amqp-properties';
import { sendConfirmed } from './confirmed-send';
import type { MessageMeta } from './message';
import type { MessagingMetrics } from './metrics';
import { deadQueueName, nextStep, type NextStep } from './retry-policy';
import { declareConsumerTopology } from './topology';

export interface ConsumerOptions<T> {
  amqp: AmqpConnection;
  log: Log;
  /** e.g. 'renderer.render-jobs' */
  queue: string;
  bindings: { exchange: string; routingKey: string }[];
  /** At most this many deliveries in flight, so handlers run with bounded concurrency. */
  prefetch: number;
  /** One retry tier per entry, e.g. [30000, 300000, 3600000]. */
  retryDelaysMs: number[];
  /** Throws on garbage: the message is dead-lettered at once, without retries. */
  decode: (body: Buffer) => T;
  /** Resolves after the handler's own transaction committed; then, and only then, the delivery is acked. */
  handle: (message: T, meta: MessageMeta) => Promise<void>;
  metrics?: MessagingMetrics;
}

/**
 * The one consumer abstraction: manual ack after the handler, failures through
 * the retry tiers to Q.dead, so a poison message never blocks the queue.
 */
export class Consumer<T> {
  private channel?: ChannelWrapper;
  private current?: { channel: ConfirmChannel; consumerTag: string };
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: ConsumerOptions<T>) {
    if (!Number.isInteger(options.prefetch) || options.prefetch < 1) throw new Error('messaging: prefetch must be ≥ 1');
  }

  /** Declares the topology, then consumes; on every reconnect again. */
  async start(): Promise<void> {
    this.stopping = false;
    this.channel = this.options.amqp.createChannel(`consumer ${this.options.queue}`);
    await this.channel.waitForConnect();
    // addSetup runs now and rejects if the first setup fails, so start() reports it.
    await this.channel.addSetup((channel: ConfirmChannel) => this.setup(channel));
  }

  /** Stops taking deliveries, lets the handlers in flight settle, then closes the channel. */
  async stop(): Promise<void> {
    this.stopping = true;
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
    const work = this.process(channel, message)
      .catch((error: unknown) =>
        this.options.log.error('consumer failed to settle a delivery', {
          queue: this.options.queue,
          error: String(error),
        }),
      )
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async process(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const { queue, decode, handle, metrics } = this.options;
    const meta = metaOf(message);
    let body: T;
    try {
      // Without a messageId a consumer cannot tell a redelivery from a new message.
      if (!meta.messageId) throw new Error('message has no messageId');
      body = decode(message.content);
    } catch (error) {
      return this.reroute(
        channel,
        message,
        { kind: 'dead', queue: deadQueueName(queue), attempt: meta.attempt + 1 },
        error,
      );
    }
    const stopTimer = metrics?.handlerSeconds.startTimer({ queue });
    const failure = await Promise.resolve()
      .then(() => handle(body, meta))
      .then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
    stopTimer?.();
    if (failure)
      return this.reroute(
        channel,
        message,
        nextStep(queue, this.options.retryDelaysMs.length, meta.attempt),
        failure.error,
      );
    settle(channel, message, 'ack');
    metrics?.consumed.inc({ queue, outcome: 'ok' });
  }

  /** Moves a failed delivery to its retry tier or Q.dead, acking the original only once the copy is confirmed. */
  private async reroute(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    step: NextStep,
    error: unknown,
  ): Promise<void> {
    const { queue, log, metrics } = this.options;
    const reason = error instanceof Error ? error.message : String(error);
    const fields = {
      messageId: message.properties.messageId,
      queue,
      to: step.queue,
      attempt: step.attempt - 1,
      error: reason,
    };
    try {
      await sendConfirmed(channel, step.queue, message.content, retryCopyOptions(message, step.attempt, reason));
    } catch (publishError) {
      // Back to Q; the quorum queue's x-delivery-limit bounds how often this can repeat.
      log.error('could not move a failed delivery; requeueing it', { ...fields, publishError: String(publishError) });
      settle(channel, message, 'requeue');
      return;
    }
    log.warn(step.kind === 'retry' ? 'delivery failed; retrying later' : 'delivery failed; dead-lettered', fields);
    settle(channel, message, 'ack');
    metrics?.consumed.inc({ queue, outcome: step.kind === 'retry' ? 'retried' : 'dead' });
  }
}

/** Ack or requeue on the channel that delivered the message; if that channel is gone, the broker redelivers anyway. */
function settle(channel: ConfirmChannel, message: ConsumeMessage, how: 'ack' | 'requeue'): void {
  try {
    if (how === 'ack') channel.ack(message);
    else channel.nack(message, false, true);
  } catch {
    // IllegalOperationError: channel closed; acking on a newer channel would hit the wrong delivery tag.
  }
}
