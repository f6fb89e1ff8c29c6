import { Exchanges, renderer, RoutingKeys } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { SendMessageUseCase } from './send-message.usecase';

export const SEND_JOBS = 'delivery.send-jobs';

/** Send jobs from the renderer. Idempotent by the occurrence id (unique message row). */
export function sendJobConsumer(
  amqp: AmqpConnection,
  log: Log,
  sendMessage: SendMessageUseCase,
  settings: ConsumerSettings,
): Consumer<renderer.SendJob> {
  return new Consumer({
    amqp,
    log,
    queue: SEND_JOBS,
    bindings: [{ exchange: Exchanges.jobs, routingKey: RoutingKeys.sendJob }],
    ...settings,
    decode: (body) => renderer.SendJob.decode(body),
    handle: (job) => sendMessage.execute(job),
  });
}
