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

/** The send job kept with an unknown message, queued again because an operator chose to resend it. */
export function resendJob(message: Message): OutgoingMessage {
  if (!message.resendJob) throw new Error(`message ${message.id} has no job kept to resend`);
  return {
    exchange: Exchanges.jobs,
    routingKey: RoutingKeys.sendJob,
    type: MessageTypes.sendJob,
    body: message.resendJob,
    tenantId: message.tenantId,
    idempotencyKey: `resend:${message.id}:${message.attempts}`,
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

/** delivery.message.failed: the mail server refused it for good (5xx). */
export function failedEvent(message: Message): OutgoingMessage {
  return {
    exchange: Exchanges.events,
    routingKey: RoutingKeys.messageFailed,
    type: MessageTypes.messageFailed,
    body: delivery.MessageFailed.encode({ tenantId: message.tenantId, message: toMessageProto(message) }).finish(),
    tenantId: message.tenantId,
    idempotencyKey: `message.failed:${message.id}:${message.attempts}`,
  };
}

/** delivery.message.suppressed: nothing was sent, every recipient is on the suppression list. */
export function suppressedEvent(message: Message): OutgoingMessage {
  return {
    exchange: Exchanges.events,
    routingKey: RoutingKeys.messageSuppressed,
    type: MessageTypes.messageSuppressed,
    body: delivery.MessageSuppressed.encode({ tenantId: message.tenantId, message: toMessageProto(message) }).finish(),
    tenantId: message.tenantId,
    idempotencyKey: `message.suppressed:${message.id}`,
  };
}
