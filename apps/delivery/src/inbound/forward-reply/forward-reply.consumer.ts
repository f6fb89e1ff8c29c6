import { delivery, Exchanges, RoutingKeys } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { ForwardReplyUseCase } from './forward-reply.usecase';

export const FORWARD_JOBS = 'delivery.forward-replies';

/** People's replies to pass on to their tenant's reply-to list (queued by the reading of each reply). */
export function forwardReplyConsumer(
  amqp: AmqpConnection,
  log: Log,
  forwardReply: ForwardReplyUseCase,
  settings: ConsumerSettings,
): Consumer<delivery.ForwardReply> {
  return new Consumer({
    amqp,
    log,
    queue: FORWARD_JOBS,
    bindings: [{ exchange: Exchanges.jobs, routingKey: RoutingKeys.forwardReply }],
    ...settings,
    decode: (body) => delivery.ForwardReply.decode(body),
    handle: (job) => forwardReply.execute(job),
  });
}
