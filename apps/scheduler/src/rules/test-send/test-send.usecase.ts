import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { FailedPrecondition, NotFound } from '@chasqui/errors';
import { enqueue, OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { lastValueFrom, toArray } from 'rxjs';
import { renderJob } from '../../cycles/render-job';
import { SCHEMA } from '../../database/orm-settings';
import { ReceivablesClient } from '../../grpc/receivables.client';
import { CustomerPoliciesRepository } from '../../policy/customer-policies.repository';
import { knownCustomer } from '../../policy/known-customer';
import { RuleEntity, type Rule } from '../rule.entity';

export interface TestSendCommand {
  tenantId: string;
  ruleId: string;
  customerId: string;
  to: string;
}

/**
 * A rule's reminder for a customer as it would go out today — its kind's
 * email, the customer's open invoices it would be about — rendered and sent
 * to one address only, marked as a test. It claims no step and is not an
 * occurrence: the customer's reminders are unaffected.
 */
@Injectable()
export class TestSendUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly receivables: ReceivablesClient,
    private readonly outbox: OutboxRelay,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  async execute(command: TestSendCommand): Promise<{ testId: string; invoiceIds: string[] }> {
    const { tenantId, ruleId, customerId, to } = command;
    const em = this.orm.em.fork();
    const rule = await em.findOne(RuleEntity, { id: ruleId, tenantId, deleted: false });
    if (!rule) throw new NotFound('RULE.NOT_FOUND', 'rule_id', 'no such rule');
    await knownCustomer(this.policies, em, tenantId, customerId);
    const open = await lastValueFrom(this.receivables.collectibles(tenantId, { customerId }).pipe(toArray()));
    if (open.length === 0) {
      throw new FailedPrecondition(
        'TEST_SEND.NOTHING_TO_SHOW',
        'customer_id: the customer has no open invoices for a reminder to show',
      );
    }
    const invoices = aboutWhat(rule, open);
    const testId = randomUUID();
    const localDate = Temporal.Now.zonedDateTimeISO(open[0].timeZone).toPlainDate().toString();
    await em.transactional(async (tx) => {
      await tx.execute(
        `insert into ${SCHEMA}.test_sends (id, tenant_id, rule_id, customer_id, recipient, invoice_ids, created_at)
         values (?, ?, ?, ?, ?, ?::uuid[], now())`,
        [testId, tenantId, ruleId, customerId, to, `{${invoices.join(',')}}`],
      );
      await enqueue(
        tx,
        SCHEMA,
        renderJob({
          occurrenceId: testId,
          tenantId,
          customerId,
          ruleId,
          ruleKind: rule.kind,
          step: 0,
          invoiceIds: invoices,
          localDate,
          audience: rule.audience,
          templateId: rule.template,
          testTo: to,
        }),
      );
    });
    this.outbox.nudge();
    return { testId, invoiceIds: invoices };
  }
}

/**
 * The invoices the rule's reminder would be about: the overdue ones for
 * overdue and account notices, those not yet due for due-soon and issue
 * notices (else any open one), every open one for a statement; a rule that
 * writes per invoice shows the first.
 */
function aboutWhat(rule: Rule, open: receivables.Collectible[]): string[] {
  const today = Temporal.Now.zonedDateTimeISO(open[0].timeZone).toPlainDate().toString();
  const overdue = open.filter((invoice) => invoice.dueDate < today);
  const notYetDue = open.filter((invoice) => invoice.dueDate >= today);
  const preferred =
    rule.schedule.kind === 'statement'
      ? open
      : ['due_soon', 'invoice_issued'].includes(rule.schedule.kind)
        ? notYetDue
        : overdue;
  const chosen = preferred.length > 0 ? preferred : open;
  const perInvoice =
    rule.grouping === 'per_invoice' && !['statement', 'account_closing', 'account_closed'].includes(rule.schedule.kind);
  return (perInvoice ? chosen.slice(0, 1) : chosen).map((invoice) => invoice.invoiceId);
}
