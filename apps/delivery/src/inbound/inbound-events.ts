import { delivery, Exchanges, MessageTypes, RoutingKeys } from '@chasqui/contracts';
import type { OutgoingMessage } from '@chasqui/messaging';
import { timestamp } from '../grpc/to-proto';
import type { Message } from '../messages/message.entity';
import type { InboundEffects } from './inbound-effects';

const replyKinds = {
  human: delivery.ReplyKind.REPLY_KIND_HUMAN,
  auto_reply: delivery.ReplyKind.REPLY_KIND_AUTO_REPLY,
  promise_to_pay: delivery.ReplyKind.REPLY_KIND_PROMISE_TO_PAY,
};

/**
 * The events an inbound email (or a one-click unsubscribe) publishes, each
 * with a key that makes a second reading of the same email publish nothing new.
 */
export function inboundEvents(
  message: Message,
  effects: InboundEffects,
  source: { key: string; from: string; at: Date; inboundId: string | null },
): OutgoingMessage[] {
  const { tenantId, customerId, occurrenceId, messageId } = message;
  const event = (routingKey: string, type: string, body: Uint8Array, key: string): OutgoingMessage => ({
    exchange: Exchanges.events,
    routingKey,
    type,
    body,
    tenantId,
    idempotencyKey: `${routingKey}:${source.key}:${key}`,
  });
  const out: OutgoingMessage[] = [];
  for (const b of effects.bounces) {
    const body = delivery.MessageBounced.encode({
      tenantId,
      customerId,
      messageId,
      recipient: b.recipient,
      diagnostic: b.diagnostic,
      permanent: b.permanent,
      status: b.status,
      occurrenceId,
    }).finish();
    out.push(event(RoutingKeys.messageBounced, MessageTypes.messageBounced, body, b.recipient));
  }
  for (const c of effects.complaints) {
    const body = delivery.MessageComplained.encode({
      tenantId,
      customerId,
      occurrenceId,
      messageId,
      recipient: c.recipient,
      feedbackType: c.feedbackType,
    }).finish();
    out.push(event(RoutingKeys.messageComplained, MessageTypes.messageComplained, body, c.recipient));
  }
  for (const u of effects.unsubscribes) {
    const body = delivery.MessageUnsubscribed.encode({
      tenantId,
      customerId,
      occurrenceId,
      messageId,
      recipient: u.recipient,
      via: u.via,
    }).finish();
    out.push(event(RoutingKeys.messageUnsubscribed, MessageTypes.messageUnsubscribed, body, u.recipient));
  }
  if (effects.reply) {
    const body = delivery.MessageReplied.encode({
      tenantId,
      customerId,
      occurrenceId,
      from: source.from,
      receivedAt: timestamp(source.at),
      kind: replyKinds[effects.reply.kind],
      promisedDate: effects.reply.promisedDate,
      messageId,
      text: effects.reply.text,
    }).finish();
    out.push(event(RoutingKeys.messageReplied, MessageTypes.messageReplied, body, 'reply'));
  }
  if (effects.forward && source.inboundId) {
    out.push({
      exchange: Exchanges.jobs,
      routingKey: RoutingKeys.forwardReply,
      type: MessageTypes.forwardReply,
      body: delivery.ForwardReply.encode({ tenantId, inboundId: source.inboundId }).finish(),
      tenantId,
      idempotencyKey: `forward:${source.inboundId}`,
    });
  }
  return out;
}
