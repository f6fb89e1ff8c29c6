import { Temporal } from '@js-temporal/polyfill';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { SCHEMA } from '../../database/orm-settings';
import { RuleEntity, type Rule } from '../../rules/rule.entity';
import { CycleDecider } from '../cycle-decider';
import { ownOccurrence, planOccurrences, type OccurrencePlan } from '../occurrence-plan';
import { OccurrenceWriter } from '../occurrence-writer';
import { recordOccurrences, type RecordedCounts } from '../record-occurrences';
import { approvalRequired, openRun } from '../open-run';
import { loadPolicyBook } from '../../policy/load-policy-book';
import type { PolicyBook } from '../../policy/policy-book';
import type { TargetDecision } from '../target-decision';
import type { RunCycleCommand } from './run-cycle.command';

const STATUSES = ['queued', 'missed', 'skipped', 'awaitingApproval'] as const;

/** Occurrences stored per transaction, and transactions in flight at once. */
const BATCH = 1000;
const WRITERS = 2;

/** What a cycle recorded for one rule; `runId`: the run its reminders wait in for approval, if approval is required. */
export type RuleResult = RecordedCounts & { runId: string };

/** What a cycle recorded in all, and rule by rule (the rules that recorded something). */
export type CycleResult = RuleResult & { rules: (RuleResult & { ruleId: string })[] };

/**
 * Decides every reminder due at `asOf` for one tenant, each exactly once:
 * rule by rule, the ledger as it is now (receivables' collectible invoices)
 * against each rule's calendar.
 */
@Injectable()
export class RunCycleUseCase {
  private readonly decided: Counter<'status'>;

  constructor(
    private readonly orm: MikroORM,
    private readonly decider: CycleDecider,
    private readonly outbox: OutboxRelay,
    registry: Registry,
  ) {
    this.decided = new Counter({
      name: 'scheduler_occurrences_total',
      help: 'Occurrences decided, by status: queued, missed, skipped, awaitingApproval',
      labelNames: ['status'],
      registers: [registry],
    });
  }

  async execute({ tenantId, asOf, issued }: RunCycleCommand): Promise<CycleResult> {
    const em = this.orm.em.fork();
    // An import announces its invoices a thousand at a time: a tenant without issue notices costs one count each.
    if (issued && (await em.count(RuleEntity, { tenantId, kind: 'invoice_issued', deleted: false })) === 0) {
      return emptyResult();
    }
    const policy = await loadPolicyBook(em, tenantId);
    const hold = await approvalRequired(em, tenantId);
    const total = emptyResult();
    const rules = await this.decider.rules(em, tenantId, policy);
    for (const rule of issued ? rules.filter((r) => r.kind === 'invoice_issued') : rules) {
      const recorded = await this.decideAndRecord(tenantId, rule, asOf, policy, hold, issued ?? []);
      tally(total, recorded);
      if (STATUSES.some((status) => recorded[status] > 0)) total.rules.push({ ruleId: rule.id, ...recorded });
      if (!issued) await this.advance(rule, asOf);
    }
    for (const status of STATUSES) this.decided.inc({ status }, total[status]);
    return total;
  }

  /**
   * The rule is decided through `asOf` now, never moved back (a replica may
   * finish an older cycle later); its first completed cycle started it.
   */
  private async advance(rule: Rule, asOf: Temporal.Instant): Promise<void> {
    const at = new Date(asOf.epochMilliseconds);
    await this.orm.em.fork().execute(
      `update ${SCHEMA}.rules set decided_through = greatest(decided_through, ?),
                started_at = least(started_at, ?) where id = ?`,
      [at, at, rule.id],
    );
  }

  /**
   * One rule's decisions, recorded as they come: per invoice, each decision
   * is its own occurrence and is written while the ledger is still being
   * read; per customer, an occurrence lists a customer's invoices of the
   * day, so the grouping waits for the last of them.
   */
  private async decideAndRecord(
    tenantId: string,
    rule: Rule,
    asOf: Temporal.Instant,
    policy: PolicyBook,
    hold: boolean,
    invoiceIds: string[],
  ): Promise<RuleResult> {
    const decidedAt = new Date(asOf.epochMilliseconds);
    const writer = new OccurrenceWriter((batch) => this.write(tenantId, rule, batch, decidedAt, hold), BATCH, WRITERS);
    const decisions: TargetDecision[] = [];
    const perInvoice = rule.grouping === 'per_invoice';
    const take = (d: TargetDecision) => (perInvoice ? writer.add(ownOccurrence(d)) : decisions.push(d));
    // Invoices just issued are decided to be sent now or not; a missed step is for a cycle to record.
    const each = invoiceIds.length > 0 ? (d: TargetDecision) => d.status !== 'missed' && take(d) : take;
    const read = this.decider
      .stream(tenantId, rule, asOf, policy, each, { invoiceIds, recordEpisodes: true })
      .then(() => {
        for (const plan of planOccurrences(rule.grouping, decisions)) writer.add(plan);
      });
    // A failed read fails the cycle, once the batches already being written are in.
    await read.catch(async (error: unknown) => {
      await writer.finish().catch(() => undefined);
      throw error;
    });
    const counts = emptyRuleResult();
    for (const recorded of await writer.finish()) tally(counts, recorded);
    return counts;
  }

  /** One batch in one transaction, in the tenant's open run when approval is required. */
  private async write(
    tenantId: string,
    rule: Rule,
    batch: OccurrencePlan[],
    decidedAt: Date,
    hold: boolean,
  ): Promise<RuleResult> {
    const recorded = await this.orm.em.fork().transactional(async (em) => {
      const sends = batch.some((plan) => plan.decisions.some((d) => d.status === 'queued'));
      const runId = hold && sends ? await openRun(em, tenantId, decidedAt) : '';
      return { ...(await recordOccurrences(em, rule, batch, decidedAt, runId || undefined)), runId };
    });
    this.outbox.nudge();
    return recorded;
  }
}

const emptyRuleResult = (): RuleResult => ({
  queued: 0,
  missed: 0,
  skipped: 0,
  awaitingApproval: 0,
  skippedBy: {},
  runId: '',
});

const emptyResult = (): CycleResult => ({ ...emptyRuleResult(), rules: [] });

function tally(into: RuleResult, recorded: RuleResult): void {
  for (const status of STATUSES) into[status] += recorded[status];
  for (const [reason, n] of Object.entries(recorded.skippedBy))
    into.skippedBy[reason] = (into.skippedBy[reason] ?? 0) + n;
  into.runId = recorded.runId || into.runId;
}
