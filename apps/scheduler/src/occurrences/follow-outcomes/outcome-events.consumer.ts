import { delivery, Exchanges, MessageTypes, operations, RoutingKeys, type Timestamp } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { OutcomeCommand, RecordOutcomeUseCase } from './record-outcome.usecase';

/**
 * What became of queued occurrences downstream: delivery's sent, unknown,
 * failed and suppressed events, and the renderer's and delivery's dead-lettered jobs. One queue;
 * the AMQP `type` says which message each body is.
 */
export function outcomeEventsConsumer(
  amqp: AmqpConnection,
  log: Log,
  recordOutcome: RecordOutcomeUseCase,
  settings: ConsumerSettings,
): Consumer<OutcomeCommand> {
  return new Consumer({
    amqp,
    log,
    queue: 'scheduler.outcomes',
    bindings: [
      RoutingKeys.messageSent,
      RoutingKeys.messageUnknown,
      RoutingKeys.messageFailed,
      RoutingKeys.messageSuppressed,
      RoutingKeys.renderJobDeadLettered,
      RoutingKeys.sendJobDeadLettered,
    ].map((routingKey) => ({ exchange: Exchanges.events, routingKey })),
    ...settings,
    decode: (body, meta) => outcomeOf(meta.type, body),
    handle: (command) => recordOutcome.execute(command),
  });
}

function outcomeOf(type: string, body: Buffer): OutcomeCommand {
  switch (type) {
    case MessageTypes.messageSent:
    case MessageTypes.messageUnknown:
    case MessageTypes.messageFailed:
    case MessageTypes.messageSuppressed: {
      // These share their shape: the tenant, then the message.
      const { tenantId, message } = delivery.MessageSent.decode(body);
      return {
        tenantId,
        occurrenceId: message?.occurrenceId ?? '',
        outcome: MESSAGE_OUTCOMES[type],
        reason: (type === MessageTypes.messageSuppressed ? message?.reason : message?.smtpResponse) ?? '',
        at: dateOf(message?.updatedAt),
      };
    }
    case MessageTypes.jobDeadLettered: {
      const event = operations.JobDeadLettered.decode(body);
      return {
        tenantId: event.tenantId,
        occurrenceId: event.occurrenceId,
        outcome: 'dead_lettered',
        reason: event.reason,
        at: dateOf(event.deadLetteredAt),
      };
    }
    default:
      throw new Error(`not an outcome event: ${type || 'no type'}`);
  }
}

const MESSAGE_OUTCOMES = {
  [MessageTypes.messageSent]: 'sent',
  [MessageTypes.messageUnknown]: 'unknown',
  [MessageTypes.messageFailed]: 'failed',
  [MessageTypes.messageSuppressed]: 'suppressed',
} as const;

function dateOf(timestamp: Timestamp | undefined): Date {
  return timestamp ? new Date(Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1e6)) : new Date();
}
