import { delivery, Exchanges, RoutingKeys } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { FlagUndeliverableUseCase } from './flag-undeliverable.usecase';

/** delivery.message.bounced from delivery. Idempotent by the inbox (message id). */
export function bounceConsumer(
  amqp: AmqpConnection,
  log: Log,
  flagUndeliverable: FlagUndeliverableUseCase,
  settings: ConsumerSettings,
): Consumer<delivery.MessageBounced> {
  return new Consumer({
    amqp,
    log,
    queue: 'receivables.bounces',
    bindings: [{ exchange: Exchanges.events, routingKey: RoutingKeys.messageBounced }],
    ...settings,
    decode: (body) => delivery.MessageBounced.decode(body),
    handle: (bounce, meta) => flagUndeliverable.execute(bounce, meta),
  });
}
