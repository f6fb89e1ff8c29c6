import { delivery, Exchanges, RoutingKeys } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { PauseAfterReplyUseCase, ReplyCommand } from './pause-after-reply.usecase';

/**
 * delivery.message.replied: a person's answer (or promise to pay) pauses the
 * customer (PauseAfterReplyUseCase); an auto-reply changes nothing.
 */
export function messageRepliedConsumer(
  amqp: AmqpConnection,
  log: Log,
  pauseAfterReply: PauseAfterReplyUseCase,
  settings: ConsumerSettings,
): Consumer<ReplyCommand | null> {
  return new Consumer({
    amqp,
    log,
    queue: 'scheduler.replies',
    bindings: [{ exchange: Exchanges.events, routingKey: RoutingKeys.messageReplied }],
    ...settings,
    decode: (body) => replyOf(delivery.MessageReplied.decode(body)),
    handle: async (reply) => {
      if (reply) await pauseAfterReply.execute(reply);
    },
  });
}

/** What pauses: a person's reply, with the date promised when it names one; null for an auto-reply. */
function replyOf(reply: delivery.MessageReplied): ReplyCommand | null {
  const { kind } = reply;
  if (kind !== 'REPLY_KIND_HUMAN' && kind !== 'REPLY_KIND_PROMISE_TO_PAY') return null;
  const promised = kind === 'REPLY_KIND_PROMISE_TO_PAY' && /^\d{4}-\d{2}-\d{2}$/.test(reply.promisedDate);
  return {
    tenantId: reply.tenantId,
    customerId: reply.customerId,
    receivedAt: new Date(Number(reply.receivedAt?.seconds ?? 0) * 1000),
    promisedDate: promised ? reply.promisedDate : null,
  };
}
