import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { metaOf, retryCopyOptions } from './amqp-properties';
import { sendConfirmed } from './confirmed-send';
import type { ConsumerOptions } from './consumer-options';
import { deadLetter, nextStep, type NextStep } from './retry-policy';

/**
 * One delivery from start to settlement: ack once the handler resolved (its
 * transaction committed); otherwise move it on to a retry tier or Q.dead.
 * Never throws; never leaves the delivery unsettled while the channel lives.
 */
export async function processDelivery<T>(
  channel: ConfirmChannel,
  message: ConsumeMessage,
  options: ConsumerOptions<T>,
): Promise<void> {
  const { queue, decode, handle, metrics } = options;
  const meta = metaOf(message);
  let body: T;
  try {
    // Without a messageId a consumer cannot tell a redelivery from a new message.
    if (!meta.messageId) throw new Error('message has no messageId');
    body = decode(message.content);
  } catch (error) {
    return reroute(channel, message, deadLetter(queue, meta.attempt), error, options);
  }
  const stopTimer = metrics?.handlerSeconds.startTimer({ queue });
  try {
    await handle(body, meta);
  } catch (error) {
    stopTimer?.();
    return reroute(channel, message, nextStep(queue, options.retryDelaysMs, meta.attempt), error, options);
  }
  stopTimer?.();
  settle(channel, message, 'ack');
  metrics?.consumed.inc({ queue, outcome: 'ok' });
}

/** The copy goes out with a publisher confirm before the original is acked, so a crash in between duplicates, never loses. */
async function reroute<T>(
  channel: ConfirmChannel,
  message: ConsumeMessage,
  step: NextStep,
  error: unknown,
  { queue, log, metrics }: ConsumerOptions<T>,
): Promise<void> {
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

/** Settles on the channel that delivered the message; if that channel is gone, the broker redelivers anyway. */
function settle(channel: ConfirmChannel, message: ConsumeMessage, how: 'ack' | 'requeue'): void {
  try {
    if (how === 'ack') channel.ack(message);
    else channel.nack(message, false, true);
  } catch {
    // IllegalOperationError: closed. Acking on a newer channel instead would hit another message's delivery tag.
  }
}
