import { delivery, Exchanges, MessageTypes, operations, RoutingKeys, type Timestamp } from '@chasqui/contracts';
import { AmqpConnection, Consumer, type ConsumerSettings } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import type { OutcomeCommand, RecordOutcomeUseCase } from './record-outcome.usecase';

/**
 * What became of queued occurrences downstream: delivery's sent and unknown
 * events, and the renderer's and delivery's dead-lettered jobs. One queue;
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
    case MessageTypes.messageUnknown: {
      // MessageSent and MessageOutcomeUnknown share their shape: the tenant, then the message.
      const { tenantId, message } = delivery.MessageSent.decode(body);
      return {
        tenantId,
        occurrenceId: message?.occurrenceId ?? '',
        outcome: type === MessageTypes.messageSent ? 'sent' : 'unknown',
        reason: message?.smtpResponse ?? '',
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

function dateOf(timestamp: Timestamp | undefined): Date {
  return timestamp ? new Date(Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1e6)) : new Date();
}
