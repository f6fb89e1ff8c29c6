import { delivery, Timestamp } from '@chasqui/contracts';
import type { Message, MessageStatus } from '../messages/message.entity';
import type { MessageEvent } from '../timeline/message-event.entity';
import { timelineOf, type TimelineKind, type TimelineStep } from '../timeline/timeline';

const statuses: Record<MessageStatus, delivery.MessageStatus> = {
  sending: delivery.MessageStatus.MESSAGE_STATUS_SENDING,
  sent: delivery.MessageStatus.MESSAGE_STATUS_SENT,
  deferred: delivery.MessageStatus.MESSAGE_STATUS_DEFERRED,
  failed: delivery.MessageStatus.MESSAGE_STATUS_FAILED,
  unknown: delivery.MessageStatus.MESSAGE_STATUS_UNKNOWN,
  dead_lettered: delivery.MessageStatus.MESSAGE_STATUS_DEAD_LETTERED,
  suppressed: delivery.MessageStatus.MESSAGE_STATUS_SUPPRESSED,
};

/** A status as named on the wire, back to ours; undefined for UNSPECIFIED or anything else. */
export function fromProtoStatus(name: string): MessageStatus | undefined {
  return (Object.keys(statuses) as MessageStatus[]).find((status) => statuses[status] === name);
}

const eventKinds: Record<TimelineKind, delivery.EventKind> = {
  queued: delivery.EventKind.EVENT_KIND_QUEUED,
  sent: delivery.EventKind.EVENT_KIND_SENT,
  deferred: delivery.EventKind.EVENT_KIND_DEFERRED,
  failed: delivery.EventKind.EVENT_KIND_FAILED,
  unknown: delivery.EventKind.EVENT_KIND_UNKNOWN,
  dead_lettered: delivery.EventKind.EVENT_KIND_DEAD_LETTERED,
  suppressed: delivery.EventKind.EVENT_KIND_SUPPRESSED,
  bounced: delivery.EventKind.EVENT_KIND_BOUNCED,
  delayed: delivery.EventKind.EVENT_KIND_DELAYED,
  complained: delivery.EventKind.EVENT_KIND_COMPLAINED,
  auto_replied: delivery.EventKind.EVENT_KIND_AUTO_REPLIED,
  replied: delivery.EventKind.EVENT_KIND_REPLIED,
  unsubscribed: delivery.EventKind.EVENT_KIND_UNSUBSCRIBED,
};

/** A message on the wire; with its events, its timeline too (events leave it empty in event bodies). */
export function toMessageProto(message: Message, events?: MessageEvent[]): delivery.Message {
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
    cc: message.cc,
    timeline: events ? timelineOf(message, events).map(toEventProto) : [],
  };
}

function toEventProto(step: TimelineStep): delivery.MessageEvent {
  return {
    kind: eventKinds[step.kind],
    at: timestamp(step.at),
    recipient: step.recipient,
    detail: step.detail,
    permanent: step.permanent,
    promisedDate: step.promisedDate,
    inboundId: step.inboundId ?? '',
  };
}

export function timestamp(date: Date): Timestamp {
  const ms = date.getTime();
  return { seconds: Math.floor(ms / 1000).toString(), nanos: (ms % 1000) * 1e6 };
}
