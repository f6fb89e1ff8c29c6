import { Exchanges, renderer, RoutingKeys } from '@chasqui/contracts';
import { AmqpConnection, Consumer, MessagingMetrics } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { SendMessageUseCase } from './send-message.usecase';

/** Send jobs from the renderer. Idempotent by the occurrence id (unique message row). */
export function sendJobConsumer(
  amqp: AmqpConnection,
  log: Log,
  sendMessage: SendMessageUseCase,
  settings: { prefetch: number; retryDelaysMs: number[]; metrics: MessagingMetrics },
): Consumer<renderer.SendJob> {
  return new Consumer({
    amqp,
    log,
    queue: 'delivery.send-jobs',
    bindings: [{ exchange: Exchanges.jobs, routingKey: RoutingKeys.sendJob }],
    prefetch: settings.prefetch,
    retryDelaysMs: settings.retryDelaysMs,
    metrics: settings.metrics,
    decode: (body) => renderer.SendJob.decode(body),
    handle: (job) => sendMessage.execute(job),
  });
}
