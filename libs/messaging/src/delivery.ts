import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { metaOf, retryCopyOptions } from './amqp-properties';
import { sendConfirmed } from './confirmed-send';
import type { ConsumerOptions } from './consumer-options';
import type { DependencyBreakers } from './dependency-breakers';
import { classify } from './failures';
import { handlerFailed } from './message-tracing';
import { deadLetter, nextStep, transientStep, type NextStep } from './retry-policy';

export const DEFAULT_RETRY_HORIZON_MS = 24 * 3_600_000;

/** What a delivery needs from its consumer besides the options. */
export interface DeliveryContext<T> {
  options: ConsumerOptions<T>;
  breakers: DependencyBreakers;
  /** True once the consumer is stopping: what has not run yet goes back to the queue's head. */
  stopping: () => boolean;
}

/**
 * One delivery from start to settlement: ack once the handler resolved (its
 * transaction committed). A permanent failure is dead-lettered at once; an
 * unclassified one goes through the retry tiers (the poison budget); a
 * transient one is held while its dependency is down, or waits in the tiers
 * on its own count, until the retry horizon. Never throws; never leaves the
 * delivery unsettled while the channel lives.
 */
export async function processDelivery<T>(
  channel: ConfirmChannel,
  message: ConsumeMessage,
  context: DeliveryContext<T>,
): Promise<void> {
  const { options, breakers, stopping } = context;
  const { queue, decode, handle, metrics, retryDelaysMs } = options;
  const meta = metaOf(message);
  let body: T;
  try {
    // Without a messageId a consumer cannot tell a redelivery from a new message.
    if (!meta.messageId) throw new Error('message has no messageId');
    body = decode(message.content, meta);
  } catch (error) {
    return reroute(
      channel,
      message,
      deadLetter(queue, meta.attempt),
      `undecodable: ${reasonOf(error)}`,
      'permanent',
      options,
    );
  }
  for (;;) {
    const admission = await breakers.admit(stopping);
    if (admission.stopped) return requeue(channel, message, options);
    const stopTimer = metrics?.handlerSeconds.startTimer({ queue });
    try {
      await handle(body, meta);
    } catch (error) {
      stopTimer?.();
      handlerFailed(error);
      const failure = classify(error);
      breakers.settle(admission, failure);
      const reason = reasonOf(error);
      switch (failure.kind) {
        case 'permanent':
          return reroute(channel, message, deadLetter(queue, meta.attempt), reason, 'permanent', options);
        case 'unclassified':
          return reroute(channel, message, nextStep(queue, retryDelaysMs, meta.attempt), reason, 'poison', options);
        case 'transient':
          if (stopping()) return requeue(channel, message, options);
          if (pastHorizon(message, options.retryHorizonMs ?? DEFAULT_RETRY_HORIZON_MS)) {
            const gaveUp = `gave up after the retry horizon: ${reason}`;
            return reroute(channel, message, deadLetter(queue, meta.attempt), gaveUp, 'transient', options);
          }
          // Its dependency's breaker is open now: hold the delivery until a probe may go.
          if (failure.dependency) {
            options.log.warn('dependency down; holding the delivery', {
              messageId: meta.messageId,
              queue,
              dependency: failure.dependency,
              error: reason,
            });
            continue;
          }
          return reroute(
            channel,
            message,
            transientStep(queue, retryDelaysMs, meta.transientAttempt),
            reason,
            'transient',
            options,
            { 'x-attempt': meta.attempt, 'x-transient-attempt': meta.transientAttempt + 1 },
          );
      }
    }
    stopTimer?.();
    breakers.settle(admission);
    settle(channel, message, 'ack');
    metrics?.consumed.inc({ queue, outcome: 'ok' });
    options.log.debug('delivery handled', { queue, messageId: meta.messageId, type: meta.type });
    return;
  }
}

/**
 * The copy goes out with a publisher confirm before the original is acked, so
 * a crash in between duplicates, never loses. The copy carries why it left:
 * x-last-error and x-failure (permanent | transient | poison).
 */
async function reroute<T>(
  channel: ConfirmChannel,
  message: ConsumeMessage,
  step: NextStep,
  reason: string,
  failure: 'permanent' | 'transient' | 'poison',
  { queue, log, metrics }: ConsumerOptions<T>,
  counts?: { 'x-attempt': number; 'x-transient-attempt': number },
): Promise<void> {
  const attempts = counts?.['x-attempt'] ?? step.attempt;
  const attempt = counts ? counts['x-transient-attempt'] - 1 : step.attempt - 1;
  const fields = { messageId: message.properties.messageId, queue, to: step.queue, attempt, failure, error: reason };
  const extra: Record<string, unknown> = { 'x-failure': failure, ...counts, 'x-attempt': attempts };
  if (step.kind === 'dead') extra['x-dead-lettered-at'] = new Date().toISOString();
  try {
    await sendConfirmed(channel, step.queue, message.content, retryCopyOptions(message, attempts, reason, extra));
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

/** Back to the head of the queue, untouched (shutdown): another consumer takes it as it was. */
function requeue<T>(channel: ConfirmChannel, message: ConsumeMessage, { queue, metrics }: ConsumerOptions<T>): void {
  settle(channel, message, 'requeue');
  metrics?.consumed.inc({ queue, outcome: 'requeued' });
}

/** Age from the enqueue second the outbox stamped (kept on every retry copy); no stamp counts as young. */
function pastHorizon(message: ConsumeMessage, horizonMs: number): boolean {
  const enqueuedAt = Number(message.properties.timestamp);
  return Number.isFinite(enqueuedAt) && enqueuedAt > 0 && Date.now() - enqueuedAt * 1000 > horizonMs;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
