import type { ConfirmChannel, Options } from 'amqplib';

/** A broker that neither confirms nor closes the channel (e.g. a blocked connection) must not hold a delivery forever. */
const CONFIRM_TIMEOUT_MS = 30_000;

/** Sends to a queue through the default exchange and resolves once the broker confirmed it. */
export function sendConfirmed(
  channel: ConfirmChannel,
  queue: string,
  content: Buffer,
  options: Options.Publish,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no publisher confirm from ${queue}`)), CONFIRM_TIMEOUT_MS);
    const settle = (error: unknown): void => {
      clearTimeout(timer);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve();
    };
    try {
      channel.sendToQueue(queue, content, options, settle);
    } catch (error) {
      settle(error); // the channel is already closed
    }
  });
}
