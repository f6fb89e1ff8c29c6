import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toRuleKindProto } from '../../grpc/to-proto';
import type { OccurrenceRow } from '../occurrence.repository';
import { listOccurrencesCommand } from './list-occurrences.command';
import { ListOccurrencesUseCase } from './list-occurrences.usecase';

const statuses = {
  queued: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_QUEUED,
  skipped: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_SKIPPED,
  missed: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_MISSED,
  awaiting_approval: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_AWAITING_APPROVAL,
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

@Controller()
export class ListOccurrencesController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly listOccurrences: ListOccurrencesUseCase,
  ) {}

  /** The tenant's occurrences, newest decision first, a page at a time. */
  @GrpcMethod('SchedulerService', 'ListOccurrences')
  async handle(
    request: scheduler.ListOccurrencesRequest,
    metadata: Metadata,
  ): Promise<scheduler.ListOccurrencesResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(listOccurrencesCommand, { ...request, tenantId }, 'OCCURRENCES.INVALID');
    const { occurrences, nextPageToken } = await this.listOccurrences.execute(command);
    return { occurrences: occurrences.map(toOccurrenceProto), nextPageToken };
  }
}

/**
 * A dead-lettered job shows in the status, with its reason: the occurrence is
 * not `queued` any more. A refusal or a suppression shows in the outcome and the reason.
 */
function toOccurrenceProto(row: OccurrenceRow): scheduler.Occurrence {
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
  };
}
