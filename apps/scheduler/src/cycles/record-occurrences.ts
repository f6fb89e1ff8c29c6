import { enqueueMany } from '@chasqui/messaging';
import { nativeQuery } from '@chasqui/persistence';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SCHEMA } from '../database/orm-settings';
import type { Rule } from '../rules/rule.entity';
import type { OccurrencePlan } from './occurrence-plan';
import { renderJob } from './render-job';
import type { OccurrenceStatus } from './target-decision';

/** What a batch recorded: each verdict, of the queued ones those held for approval, the skipped by reason. */
export type RecordedCounts = Record<OccurrenceStatus | 'awaitingApproval', number> & {
  skippedBy: Record<string, number>;
};

/**
 * Stores planned occurrences once, in the caller's transaction. Each step is
 * claimed by its unique (rule, customer, target, day) row — a step claimed
 * before, by this replica or another, drops out — and an occurrence is kept
 * only with the steps it claimed, with a render job when it is to be sent —
 * unless a run holds it for approval (`heldIn`), where it waits without one.
 */
export async function recordOccurrences(
  em: EntityManager,
  rule: Pick<Rule, 'tenantId' | 'audience' | 'template'>,
  plans: OccurrencePlan[],
  decidedAt: Date,
  heldIn?: string,
): Promise<RecordedCounts> {
  const { tenantId } = rule;
  const counts: RecordedCounts = { queued: 0, missed: 0, skipped: 0, awaitingApproval: 0, skippedBy: {} };
  if (plans.length === 0) return counts;
  const claimed = await nativeQuery<{ occurrence_id: string; target: string; day: string }>(
    em,
    `insert into ${SCHEMA}.occurrence_steps (rule_id, customer_id, target, day, step, tenant_id, occurrence_id, fire_at)
       select r.rule_id, r.customer_id, r.target, r.day, r.step, ?, r.occurrence_id, r.fire_at
         from jsonb_to_recordset(?::jsonb) as r(rule_id uuid, customer_id uuid, target text, day date, step int,
              occurrence_id uuid, fire_at timestamptz)
       on conflict do nothing
       returning occurrence_id, target, day::text as day`,
    [
      tenantId,
      JSON.stringify(
        plans
          .flatMap((plan) =>
            plan.decisions.map((d) => ({
              rule_id: d.ruleId,
              customer_id: d.customerId,
              target: d.target,
              day: d.day,
              step: d.step,
              occurrence_id: plan.id,
              fire_at: d.fireAt,
            })),
          )
          // One key order for every replica: concurrent claims wait on each other instead of deadlocking.
          .sort(compareStepKeys),
      ),
    ],
  );
  const won = new Set(claimed.map((c) => `${c.occurrence_id}/${c.target}/${c.day}`));
  const kept = plans
    .map((plan) => ({ plan, decisions: plan.decisions.filter((d) => won.has(`${plan.id}/${d.target}/${d.day}`)) }))
    .filter((k) => k.decisions.length > 0);
  if (kept.length === 0) return counts;
  await nativeQuery(
    em,
    `insert into ${SCHEMA}.occurrences
       (id, tenant_id, rule_id, rule_kind, customer_id, local_date, fire_at, decided_at, status, reason, invoice_ids,
        run_id, step)
     select r.id, ?, r.rule_id, r.rule_kind, r.customer_id, r.local_date, r.fire_at, ?, r.status, r.reason, r.invoice_ids,
            r.run_id, r.step
       from jsonb_to_recordset(?::jsonb) as r(id uuid, rule_id uuid, rule_kind text, customer_id uuid, local_date date,
            fire_at timestamptz, status text, reason text, invoice_ids uuid[], run_id uuid, step int)`,
    [
      tenantId,
      decidedAt,
      JSON.stringify(
        kept.map(({ plan, decisions }) => {
          const first = decisions[0];
          return {
            id: plan.id,
            rule_id: first.ruleId,
            rule_kind: first.ruleKind,
            customer_id: first.customerId,
            local_date: first.localDate,
            fire_at: first.fireAt,
            status: held(first.status) ? 'awaiting_approval' : first.status,
            reason: first.reason,
            invoice_ids: `{${[...new Set(decisions.flatMap((d) => d.invoiceIds))].join(',')}}`,
            run_id: held(first.status) ? heldIn : null,
            step: latestStep(decisions),
          };
        }),
      ),
    ],
  );
  for (const { decisions } of kept) {
    const { status, reason } = decisions[0];
    counts[status]++;
    if (status === 'skipped') counts.skippedBy[reason ?? ''] = (counts.skippedBy[reason ?? ''] ?? 0) + 1;
  }
  if (heldIn) {
    counts.awaitingApproval = counts.queued;
    counts.queued = 0;
    return counts;
  }
  const jobs = kept
    .filter(({ decisions }) => decisions[0].status === 'queued')
    .map(({ plan, decisions }) =>
      renderJob({
        occurrenceId: plan.id,
        tenantId,
        customerId: decisions[0].customerId,
        ruleId: decisions[0].ruleId,
        ruleKind: decisions[0].ruleKind,
        step: latestStep(decisions),
        invoiceIds: [...new Set(decisions.flatMap((d) => d.invoiceIds))],
        localDate: decisions[0].localDate,
        audience: rule.audience,
        templateId: rule.template,
      }),
    );
  await enqueueMany(em, SCHEMA, jobs);
  return counts;

  function held(status: OccurrenceStatus): boolean {
    return heldIn !== undefined && status === 'queued';
  }
}

const latestStep = (decisions: { step: number }[]) => Math.max(...decisions.map((d) => d.step));

type StepKey = { rule_id: string; customer_id: string; target: string; day: string };

function compareStepKeys(a: StepKey, b: StepKey): number {
  return (
    compare(a.rule_id, b.rule_id) ||
    compare(a.customer_id, b.customer_id) ||
    compare(a.target, b.target) ||
    compare(a.day, b.day)
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
