import { Exchanges, MessageTypes, RoutingKeys, scheduler } from '@chasqui/contracts';
import { enqueue } from '@chasqui/messaging';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../database/orm-settings';
import { toRuleKindProto } from '../grpc/to-proto';
import type { OccurrenceDecision, OccurrenceStatus } from './occurrence-decision';

/**
 * Stores decisions once — the unique (rule, customer, target, step) key drops
 * any decided before, by this replica or another — and queues a render job
 * for each new one, in the caller's transaction.
 */
export async function recordOccurrences(
  em: EntityManager,
  tenantId: string,
  decisions: OccurrenceDecision[],
  decidedAt: Date,
): Promise<Record<OccurrenceStatus, number>> {
  const counts = { queued: 0, missed: 0, skipped: 0 };
  if (decisions.length === 0) return counts;
  const values = decisions.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[])').join(', ');
  const params = decisions.flatMap((d) => [
    randomUUID(),
    tenantId,
    d.ruleId,
    d.customerId,
    d.target,
    d.step,
    new Date(d.fireAt.epochMilliseconds),
    decidedAt,
    d.status,
    d.reason,
    `{${d.target}}`,
  ]);
  const inserted: { id: string; idx: number }[] = await em.execute(
    `insert into ${SCHEMA}.occurrences
       (id, tenant_id, rule_id, customer_id, target, step, fire_at, decided_at, status, reason, invoice_ids)
     values ${values}
     on conflict (rule_id, customer_id, target, step) do nothing
     returning id, rule_id, customer_id, target, step`,
    params,
  );
  const byKey = new Map(decisions.map((d) => [`${d.ruleId}/${d.customerId}/${d.target}/${d.step}`, d]));
  for (const row of inserted as unknown as InsertedRow[]) {
    const decision = byKey.get(`${row.rule_id}/${row.customer_id}/${row.target}/${row.step}`)!;
    counts[decision.status]++;
    if (decision.status === 'queued') await enqueue(em, SCHEMA, renderJob(row.id, tenantId, decision));
  }
  return counts;
}

interface InsertedRow {
  id: string;
  rule_id: string;
  customer_id: string;
  target: string;
  step: number;
}

function renderJob(occurrenceId: string, tenantId: string, d: OccurrenceDecision) {
  return {
    exchange: Exchanges.jobs,
    routingKey: RoutingKeys.renderJob,
    type: MessageTypes.renderJob,
    body: scheduler.RenderJob.encode({
      occurrenceId,
      tenantId,
      customerId: d.customerId,
      ruleId: d.ruleId,
      ruleKind: toRuleKindProto(d.ruleKind),
      step: d.step,
      invoiceIds: [d.target],
      asOf: d.localDate,
      attachStatementPdf: true,
    }).finish(),
    tenantId,
    idempotencyKey: occurrenceId,
  };
}
