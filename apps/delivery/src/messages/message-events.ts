import { delivery, Exchanges, MessageTypes, RoutingKeys } from '@chasqui/contracts';
import type { OutgoingMessage } from '@chasqui/messaging';
import { toMessageProto } from '../grpc/to-proto';
import type { Message } from './message.entity';

/** delivery.message.sent: the SMTP server took it (or an operator said it did). */
export function sentEvent(message: Message): OutgoingMessage {
  return {
    exchange: Exchanges.events,
    routingKey: RoutingKeys.messageSent,
    type: MessageTypes.messageSent,
    body: delivery.MessageSent.encode({ tenantId: message.tenantId, message: toMessageProto(message) }).finish(),
    tenantId: message.tenantId,
    idempotencyKey: `message.sent:${message.id}`,
  };
}

/** delivery.message.unknown: lost after the final dot, waiting for an operator. */
export function unknownEvent(message: Message): OutgoingMessage {
  return {
    exchange: Exchanges.events,
    routingKey: RoutingKeys.messageUnknown,
    type: MessageTypes.messageUnknown,
    body: delivery.MessageOutcomeUnknown.encode({
      tenantId: message.tenantId,
      message: toMessageProto(message),
    }).finish(),
    tenantId: message.tenantId,
    idempotencyKey: `message.unknown:${message.id}:${message.attempts}`,
  };
}
