import { Exchanges, MessageTypes, operations } from '@chasqui/contracts';
import type { DeadLetter, OutgoingMessage } from '@chasqui/messaging';

/** How each kind of death reads in operations.v1. */
export const DEATH_KINDS = {
  permanent: operations.DeathKind.DEATH_KIND_PERMANENT,
  transient: operations.DeathKind.DEATH_KIND_TRANSIENT,
  poison: operations.DeathKind.DEATH_KIND_POISON,
  broker: operations.DeathKind.DEATH_KIND_BROKER,
} as const;

/** `<service>.job.dead_lettered` for a job about one occurrence, so the scheduler can say what became of it. */
export function jobDeadLetteredEvent(
  letter: DeadLetter,
  job: { tenantId: string; occurrenceId: string },
  routingKey: string,
): OutgoingMessage {
  const ms = letter.deadLetteredAt.getTime();
  return {
    exchange: Exchanges.events,
    routingKey,
    type: MessageTypes.jobDeadLettered,
    body: operations.JobDeadLettered.encode({
      tenantId: job.tenantId,
      occurrenceId: job.occurrenceId,
      queue: letter.queue,
      reason: letter.reason,
      death: DEATH_KINDS[letter.death],
      deadLetteredAt: { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 },
    }).finish(),
    tenantId: job.tenantId,
    idempotencyKey: `dead-${letter.queue}-${letter.messageId}-${ms}`,
  };
}
