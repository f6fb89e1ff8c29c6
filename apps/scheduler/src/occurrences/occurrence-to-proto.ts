import { scheduler } from '@chasqui/contracts';
import { toRuleKindProto } from '../grpc/to-proto';
import type { OccurrenceRow, OccurrenceStatus } from './occurrence.repository';

const statuses: Record<OccurrenceStatus, scheduler.OccurrenceStatus> = {
  queued: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_QUEUED,
  skipped: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_SKIPPED,
  missed: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_MISSED,
  awaiting_approval: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_AWAITING_APPROVAL,
  cancelled: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_CANCELLED,
};

const outcomes = {
  sent: scheduler.DeliveryOutcome.DELIVERY_OUTCOME_SENT,
  unknown: scheduler.DeliveryOutcome.DELIVERY_OUTCOME_UNKNOWN,
  dead_lettered: scheduler.DeliveryOutcome.DELIVERY_OUTCOME_DEAD_LETTERED,
  failed: scheduler.DeliveryOutcome.DELIVERY_OUTCOME_FAILED,
  suppressed: scheduler.DeliveryOutcome.DELIVERY_OUTCOME_SUPPRESSED,
};

const timestamp = (date: Date) => ({
  seconds: String(Math.floor(date.getTime() / 1000)),
  nanos: (date.getTime() % 1000) * 1e6,
});

/**
 * An occurrence as the tenant reads it. A dead-lettered job shows in the
 * status, with its reason: the occurrence is not `queued` any more. A refusal
 * or a suppression shows in the outcome and the reason.
 */
export function toOccurrenceProto(row: OccurrenceRow): scheduler.Occurrence {
  const dead = row.outcome === 'dead_lettered';
  // Why it ended without being sent, when it did: the job's death, the server's refusal, the suppression.
  const unsent = dead || row.outcome === 'failed' || row.outcome === 'suppressed';
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleKind: toRuleKindProto(row.rule_kind),
    customerId: row.customer_id,
    localDate: row.local_date,
    fireAt: timestamp(new Date(row.fire_at)),
    decidedAt: timestamp(new Date(row.decided_at)),
    status: dead ? scheduler.OccurrenceStatus.OCCURRENCE_STATUS_DEAD_LETTERED : statuses[row.status],
    reason: (unsent ? row.outcome_reason : row.reason) ?? '',
    invoiceIds: row.invoice_ids,
    outcome: row.outcome ? outcomes[row.outcome] : scheduler.DeliveryOutcome.DELIVERY_OUTCOME_UNSPECIFIED,
    outcomeAt: row.outcome_at ? timestamp(new Date(row.outcome_at)) : undefined,
    manual: row.origin === 'manual',
  };
}
