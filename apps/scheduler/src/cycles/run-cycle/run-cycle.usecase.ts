import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { lastValueFrom, defaultIfEmpty, type Observable, tap } from 'rxjs';
import { SCHEMA } from '../../database/orm-settings';
import { ReceivablesClient } from '../../grpc/receivables.client';
import { RuleEntity, type Rule } from '../../rules/rule.entity';
import { collectibleWindow, decideInvoice, InvoiceSteps, isInvoiceRule, type InvoiceRule } from '../invoice-steps';
import { decideAccount, isAccountRule } from '../account-steps';
import { planOccurrences } from '../occurrence-plan';
import { recordOccurrences } from '../record-occurrences';
import { loadPolicyBook } from '../../policy/load-policy-book';
import type { PolicyBook } from '../../policy/policy-book';
import { addToAccounts, decideStatement, isStatementRule, type CustomerAccount } from '../statement-steps';
import { StepMemo, type OccurrenceStatus, type TargetDecision } from '../target-decision';
import type { RunCycleCommand } from './run-cycle.command';

/** Occurrences stored per transaction. */
const BATCH = 500;

export type CycleResult = Record<OccurrenceStatus, number>;

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
    private readonly receivables: ReceivablesClient,
    private readonly outbox: OutboxRelay,
    @Inject('GRACE_HOURS') private readonly graceHours: number,
    registry: Registry,
  ) {
    this.decided = new Counter({
      name: 'scheduler_occurrences_total',
      help: 'Occurrences decided, by status: queued, missed, skipped',
      labelNames: ['status'],
      registers: [registry],
    });
  }

  async execute({ tenantId, asOf }: RunCycleCommand): Promise<CycleResult> {
    const em = this.orm.em.fork();
    const policy = await loadPolicyBook(em, tenantId);
    // Inactive rules still run for the customers switched on for them.
    const rules = (await em.find(RuleEntity, { tenantId, deleted: false })).filter(
      (rule) => rule.active || policy.switchedOn(rule),
    );
    const total: CycleResult = { queued: 0, missed: 0, skipped: 0 };
    for (const rule of rules) {
      const decisions = await this.decide(tenantId, rule, asOf, policy);
      const counts = await this.record(tenantId, rule, decisions, asOf);
      await this.advance(rule, asOf);
      for (const status of Object.keys(total) as OccurrenceStatus[]) total[status] += counts[status];
    }
    for (const [status, count] of Object.entries(total)) this.decided.inc({ status }, count);
    return total;
  }

  private decide(tenantId: string, rule: Rule, asOf: Temporal.Instant, policy: PolicyBook): Promise<TargetDecision[]> {
    if (isInvoiceRule(rule)) return this.decideInvoices(tenantId, rule, asOf, policy);
    return this.decideAccounts(tenantId, rule, asOf, policy);
  }

  private async decideInvoices(tenantId: string, rule: InvoiceRule, asOf: Temporal.Instant, policy: PolicyBook) {
    const decisions: TargetDecision[] = [];
    const steps = new InvoiceSteps(rule, asOf, this.graceHours);
    const since = rule.decidedThrough?.getTime();
    await drain(
      this.receivables.collectibles(tenantId, collectibleWindow(rule.schedule, asOf, this.graceHours)),
      (invoice) => {
        const decision = decideInvoice(rule, invoice, steps, policy);
        // A step that fired before the last completed cycle was decided then, unless the invoice changed since.
        if (
          decision &&
          (since === undefined || Date.parse(decision.fireAt) > since || Date.parse(invoice.updatedAt) > since)
        ) {
          decisions.push(decision);
        }
      },
    );
    return decisions;
  }

  /** Statements and account notices look at each customer's whole account. */
  private async decideAccounts(tenantId: string, rule: Rule, asOf: Temporal.Instant, policy: PolicyBook) {
    const accounts = new Map<string, CustomerAccount>();
    await drain(this.receivables.collectibles(tenantId, {}), (invoice) => addToAccounts(accounts, invoice));
    const memo = new StepMemo();
    const since = rule.decidedThrough?.getTime();
    return [...accounts.values()]
      .flatMap((account) => {
        if (isStatementRule(rule)) return decideStatement(rule, account, asOf, this.graceHours, policy, memo) ?? [];
        if (isAccountRule(rule)) return decideAccount(rule, account, asOf, this.graceHours, policy, memo) ?? [];
        return [];
      })
      .filter((decision) => since === undefined || Date.parse(decision.fireAt) > since);
  }

  /** The rule is decided through `asOf` now; never moved back (a replica may finish an older cycle later). */
  private async advance(rule: Rule, asOf: Temporal.Instant): Promise<void> {
    await this.orm.em
      .fork()
      .execute(`update ${SCHEMA}.rules set decided_through = greatest(decided_through, ?) where id = ?`, [
        new Date(asOf.epochMilliseconds),
        rule.id,
      ]);
  }

  private async record(tenantId: string, rule: Rule, decisions: TargetDecision[], asOf: Temporal.Instant) {
    const counts: CycleResult = { queued: 0, missed: 0, skipped: 0 };
    const plans = planOccurrences(rule.grouping, decisions);
    const decidedAt = new Date(asOf.epochMilliseconds);
    for (let i = 0; i < plans.length; i += BATCH) {
      const batch = plans.slice(i, i + BATCH);
      const recorded = await this.orm.em
        .fork()
        .transactional((em) => recordOccurrences(em, tenantId, batch, decidedAt));
      this.outbox.nudge();
      for (const status of Object.keys(counts) as OccurrenceStatus[]) counts[status] += recorded[status];
    }
    return counts;
  }
}

function drain(
  stream: Observable<receivables.Collectible>,
  each: (invoice: receivables.Collectible) => void,
): Promise<unknown> {
  return lastValueFrom(stream.pipe(tap(each), defaultIfEmpty(undefined)));
}
