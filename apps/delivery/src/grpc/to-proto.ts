import { delivery, Timestamp } from '@chasqui/contracts';
import type { Message, MessageStatus } from '../messages/message.entity';

const statuses: Record<MessageStatus, delivery.MessageStatus> = {
  sending: delivery.MessageStatus.MESSAGE_STATUS_SENDING,
  sent: delivery.MessageStatus.MESSAGE_STATUS_SENT,
  deferred: delivery.MessageStatus.MESSAGE_STATUS_DEFERRED,
  failed: delivery.MessageStatus.MESSAGE_STATUS_FAILED,
  unknown: delivery.MessageStatus.MESSAGE_STATUS_UNKNOWN,
  dead_lettered: delivery.MessageStatus.MESSAGE_STATUS_DEAD_LETTERED,
};

/** A status as named on the wire, back to ours; undefined for UNSPECIFIED or anything else. */
export function fromProtoStatus(name: string): MessageStatus | undefined {
  return (Object.keys(statuses) as MessageStatus[]).find((status) => statuses[status] === name);
}

export function toMessageProto(message: Message): delivery.Message {
  return {
    id: message.id,
    occurrenceId: message.occurrenceId,
    messageId: message.messageId,
    customerId: message.customerId,
    invoiceIds: message.invoiceIds,
    to: message.to,
    subject: message.subject,
    status: statuses[message.status],
    smtpResponse: message.smtpResponse ?? '',
    createdAt: timestamp(message.createdAt),
    updatedAt: timestamp(message.updatedAt),
    test: message.test,
    reason: message.reason ?? '',
    attempts: message.attempts,
  };
}

function timestamp(date: Date): Timestamp {
  const ms = date.getTime();
  return { seconds: Math.floor(ms / 1000).toString(), nanos: (ms % 1000) * 1e6 };
}
