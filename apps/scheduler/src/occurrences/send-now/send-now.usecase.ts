import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { AlreadyExists, FailedPrecondition, NotFound } from '@chasqui/errors';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { lastValueFrom, toArray } from 'rxjs';
import { v7 as timeOrderedUuid } from 'uuid';
import { renderJob } from '../../cycles/render-job';
import { verdict } from '../../cycles/target-decision';
import { ReceivablesClient } from '../../grpc/receivables.client';
import { CustomerPoliciesRepository } from '../../policy/customer-policies.repository';
import { knownCustomer } from '../../policy/known-customer';
import { loadPolicyBook } from '../../policy/load-policy-book';
import type { Rule } from '../../rules/rule.entity';
import { RuleRepository } from '../../rules/rule.repository';
import { OccurrenceRepository, type ManualOccurrence, type OccurrenceRow } from '../occurrence.repository';
import { manualScope } from './manual-scope';
import type { SendNowCommand } from './send-now.command';

/**
 * A rule's reminder to a customer now, outside its calendar: judged as a
 * cycle judges a step (the customer's policy, what is in scope, whom it
 * reaches), recorded once as an occurrence of its own — claiming none of the
 * rule's steps — and, when it is to be sent, queued for rendering with it.
 * A caller's key makes a retry answer the first call.
 */
@Injectable()
export class SendNowUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly rules: RuleRepository,
    private readonly policies: CustomerPoliciesRepository,
    private readonly occurrences: OccurrenceRepository,
    private readonly receivables: ReceivablesClient,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(command: SendNowCommand): Promise<OccurrenceRow> {
    const { tenantId, customerId, requestId } = command;
    const earlier = requestId ? await this.occurrences.byRequest(tenantId, requestId) : undefined;
    if (earlier) return sameRequest(earlier, command);
    const em = this.orm.em.fork();
    const customer = await knownCustomer(this.policies, em, tenantId, customerId);
    const rule = await this.ruleOf(command);
    const [policy, open] = await Promise.all([
      loadPolicyBook(em, tenantId, { customerId }),
      lastValueFrom(this.receivables.collectibles(tenantId, { customerId }).pipe(toArray())),
    ]);
    const notOpen = command.invoiceIds.filter((id) => !open.some((invoice) => invoice.invoiceId === id));
    if (notOpen.length > 0) {
      throw new FailedPrecondition(
        'SEND_NOW.NOT_OPEN',
        `invoice_ids: ${notOpen.join(', ')} is not an open invoice of this customer's (settled, in dispute, unknown or another customer's)`,
      );
    }

    const now = Temporal.Now.instant();
    const first: receivables.Collectible | undefined = open[0];
    // The customer's zone comes with its invoices; with none there is nothing to send anyway.
    const today = now
      .toZonedDateTimeISO(first?.timeZone || 'UTC')
      .toPlainDate()
      .toString();
    const scope = manualScope(rule, open, today, command.invoiceIds);
    const who = first
      ? { customerId, name: first.customerName, taxId: first.customerTaxId }
      : { customerId, name: customer.legalName, taxId: customer.taxId };
    const decision = verdict(
      rule,
      customerId,
      'manual',
      { step: 0, missed: false, fireAt: now.toString(), localDate: today },
      'invoiceIds' in scope ? scope.invoiceIds : [],
      first ?? { hasDeliverableContact: false, reminderContactRoles: [] },
      policy.skipReason(rule, who, today) ?? ('skip' in scope ? scope.skip : undefined),
    );
    const occurrence: ManualOccurrence = {
      id: timeOrderedUuid(),
      tenantId,
      ruleId: rule.id,
      ruleKind: rule.kind,
      customerId,
      localDate: today,
      at: new Date(now.epochMilliseconds),
      status: decision.status === 'queued' ? 'queued' : 'skipped',
      reason: decision.reason,
      invoiceIds: decision.invoiceIds,
      requestId,
    };
    const job =
      occurrence.status === 'queued'
        ? renderJob({
            occurrenceId: occurrence.id,
            tenantId,
            customerId,
            ruleId: rule.id,
            ruleKind: rule.kind,
            step: 0,
            invoiceIds: occurrence.invoiceIds,
            localDate: today,
            audience: rule.audience,
            templateId: rule.template,
          })
        : undefined;
    if (!(await this.occurrences.recordManual(occurrence, job))) {
      // A retry with the same key got there first: its answer is this call's.
      return sameRequest((await this.occurrences.byRequest(tenantId, requestId!))!, command);
    }
    if (job) this.outbox.nudge();
    return (await this.occurrences.get(tenantId, occurrence.id))!;
  }

  /** The rule named, or the tenant's only rule of the kind (its only active one, when there are several). */
  private async ruleOf({ tenantId, ruleId, kind }: SendNowCommand): Promise<Rule> {
    if (ruleId) {
      const rule = await this.rules.inForce(tenantId, ruleId);
      if (!rule) throw new NotFound('RULE.NOT_FOUND', 'rule_id', 'no such rule');
      return rule;
    }
    const ofKind = await this.rules.ofKind(tenantId, kind!);
    const active = ofKind.filter((rule) => rule.active);
    const candidates = active.length > 0 ? active : ofKind;
    if (candidates.length === 1) return candidates[0];
    throw new FailedPrecondition(
      'SEND_NOW.WHICH_RULE',
      candidates.length === 0
        ? `kind: the tenant has no ${kind} rule; create one (an inactive rule serves manual sends only)`
        : `kind: the tenant has ${candidates.length} ${active.length > 0 ? 'active ' : ''}${kind} rules; name one in rule_id`,
    );
  }
}

/** A key used again: the first call's occurrence, if the call asks for the same thing. */
function sameRequest(earlier: OccurrenceRow, command: SendNowCommand): OccurrenceRow {
  const same =
    earlier.customer_id === command.customerId &&
    (command.ruleId ? earlier.rule_id === command.ruleId : earlier.rule_kind === command.kind);
  if (!same) {
    throw new AlreadyExists(
      'SEND_NOW.REQUEST_REUSED',
      'request_id',
      `was used for another SendNow (occurrence ${earlier.id})`,
    );
  }
  return earlier;
}
