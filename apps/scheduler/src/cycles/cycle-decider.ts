import type { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { defaultIfEmpty, lastValueFrom, tap, type Observable } from 'rxjs';
import { ReceivablesClient } from '../grpc/receivables.client';
import type { PolicyBook } from '../policy/policy-book';
import { RuleEntity, type Rule } from '../rules/rule.entity';
import { decideAccount, isAccountRule } from './account-steps';
import { overdueAccounts } from './delinquency';
import { DelinquencyRepository } from './delinquency.repository';
import { collectibleWindow } from './collectible-window';
import { decideInvoice, InvoiceSteps, isInvoiceRule, type InvoiceRule } from './invoice-steps';
import { RuleHorizon } from './rule-horizon';
import { addToAccounts, decideStatement, isStatementRule, type CustomerAccount } from './statement-steps';
import { StepMemo, type TargetDecision } from './target-decision';

/** Each collectible invoice a rule looked at, for callers that need more than the decisions (amounts). */
export type SeenInvoice = (invoice: receivables.Collectible) => void;

export interface StreamOptions {
  seen?: SeenInvoice;
  /** An invoice rule looks at these invoices only. */
  invoiceIds?: string[];
  /** Record the delinquency episodes seen (a cycle does; a preview only looks). */
  recordEpisodes?: boolean;
}

/**
 * What each rule decides at an instant, against the ledger as receivables
 * has it now: the cycle records it, a preview only shows it.
 */
@Injectable()
export class CycleDecider {
  constructor(
    private readonly receivables: ReceivablesClient,
    private readonly delinquencies: DelinquencyRepository,
    @Inject('GRACE_HOURS') private readonly graceHours: number,
  ) {}

  /** The rules that decide for the tenant: active ones, and inactive ones switched on for some customer. */
  async rules(em: EntityManager, tenantId: string, policy: PolicyBook): Promise<Rule[]> {
    const rules = await em.find(RuleEntity, { tenantId, deleted: false }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return rules.filter((rule) => rule.active || policy.switchedOn(rule));
  }

  /** Every decision of the rule at `asOf`, once the whole ledger has been read. */
  async decide(
    tenantId: string,
    rule: Rule,
    asOf: Temporal.Instant,
    policy: PolicyBook,
    seen: SeenInvoice = () => undefined,
  ): Promise<TargetDecision[]> {
    const decisions: TargetDecision[] = [];
    await this.stream(tenantId, rule, asOf, policy, (decision) => decisions.push(decision), { seen });
    return decisions;
  }

  /**
   * The same decisions, each handed over as soon as it is known: an invoice
   * rule's as its invoice arrives from receivables, an account rule's (which
   * needs each customer's whole account) once the ledger has been read.
   */
  stream(
    tenantId: string,
    rule: Rule,
    asOf: Temporal.Instant,
    policy: PolicyBook,
    each: (decision: TargetDecision) => void,
    { seen = () => undefined, invoiceIds = [], recordEpisodes = false }: StreamOptions = {},
  ): Promise<void> {
    if (isInvoiceRule(rule)) return this.decideInvoices(tenantId, rule, asOf, policy, each, seen, invoiceIds);
    return this.decideAccounts(tenantId, rule, asOf, policy, each, seen, recordEpisodes);
  }

  private async decideInvoices(
    tenantId: string,
    rule: InvoiceRule,
    asOf: Temporal.Instant,
    policy: PolicyBook,
    each: (decision: TargetDecision) => void,
    seen: SeenInvoice,
    invoiceIds: string[],
  ): Promise<void> {
    const steps = new InvoiceSteps(rule, asOf, this.graceHours);
    const horizon = new RuleHorizon(rule, this.graceHours);
    const scope = await this.receivables.collectibleScope(tenantId);
    const window = { ...collectibleWindow(rule, scope, asOf, this.graceHours), invoiceIds };
    await drain(this.receivables.collectibles(tenantId, window), (invoice) => {
      seen(invoice);
      for (const decision of decideInvoice(rule, invoice, steps, policy)) {
        if (horizon.admits(decision, invoice)) each(decision);
      }
    });
  }

  /** Statements and account notices look at each customer's whole account. */
  private async decideAccounts(
    tenantId: string,
    rule: Rule,
    asOf: Temporal.Instant,
    policy: PolicyBook,
    each: (decision: TargetDecision) => void,
    seen: SeenInvoice,
    recordEpisodes: boolean,
  ): Promise<void> {
    const accounts = new Map<string, CustomerAccount>();
    await drain(this.receivables.collectibles(tenantId, {}), (invoice) => {
      seen(invoice);
      addToAccounts(accounts, invoice);
    });
    const memo = new StepMemo();
    const horizon = new RuleHorizon(rule, this.graceHours);
    const episodes = isAccountRule(rule) ? await this.episodes(tenantId, accounts, asOf, recordEpisodes) : new Map();
    for (const account of accounts.values()) {
      const decisions = isStatementRule(rule)
        ? decideStatement(rule, account, asOf, this.graceHours, policy, memo)
        : isAccountRule(rule)
          ? [decideAccount(rule, account, episodes.get(account.customerId), asOf, this.graceHours, policy, memo)]
          : [];
      for (const decision of decisions) if (decision && horizon.admits(decision)) each(decision);
    }
  }

  /** Each overdue customer's delinquency episode: recorded by a cycle, only looked at by a preview. */
  private episodes(
    tenantId: string,
    accounts: Map<string, CustomerAccount>,
    asOf: Temporal.Instant,
    record: boolean,
  ): Promise<Map<string, string>> {
    const overdue = overdueAccounts(accounts.values(), asOf);
    return record ? this.delinquencies.observe(tenantId, overdue) : this.delinquencies.peek(tenantId, overdue);
  }
}

function drain(stream: Observable<receivables.Collectible>, each: SeenInvoice): Promise<unknown> {
  return lastValueFrom(stream.pipe(tap(each), defaultIfEmpty(undefined)));
}
