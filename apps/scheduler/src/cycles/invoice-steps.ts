import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { BusinessDays } from '../calendar/business-days';
import { stepSeries, type Schedule } from '../calendar/schedule';
import { StepCalendar } from '../calendar/step-calendar';
import type { PolicyBook } from '../policy/policy-book';
import type { Rule, RuleSchedule } from '../rules/rule.entity';
import { StepMemo, verdict, type DecidedStep, type FiredSteps, type TargetDecision } from './target-decision';

export type InvoiceRule = Rule & { schedule: InvoiceSchedule };
type InvoiceSchedule = Extract<RuleSchedule, { kind: 'overdue' | 'due_soon' | 'invoice_issued' }>;

/** Rules whose targets are single invoices, dated from the due date (the issue date for issue notices). */
export function isInvoiceRule(rule: Rule): rule is InvoiceRule {
  return ['overdue', 'due_soon', 'invoice_issued'].includes(rule.schedule.kind);
}

/** When an invoice rule fires for one invoice, in its customer's zone. */
export function invoiceCalendar(
  rule: InvoiceRule,
  invoice: { dueDate: string; issueDate: string; timeZone: string; country: string },
): StepCalendar {
  const schedule: Schedule = rule.schedule;
  const anchor = schedule.kind === 'invoice_issued' ? invoice.issueDate : invoice.dueDate;
  const series = stepSeries(schedule, Temporal.PlainDate.from(anchor));
  const businessDays = rule.businessDaysOnly ? BusinessDays.of(invoice.country) : undefined;
  return new StepCalendar(series, rule.sendHour, invoice.timeZone, businessDays);
}

/**
 * An invoice rule's fired steps for each invoice at one instant: the latest,
 * and the older ones missed while no cycle ran. They depend only on the
 * anchor date, the zone and the country, which many invoices share: each
 * combination is worked out once per cycle.
 */
export class InvoiceSteps {
  private readonly memo = new StepMemo();

  constructor(
    private readonly rule: InvoiceRule,
    private readonly now: Temporal.Instant,
    private readonly graceHours: number,
  ) {}

  of(invoice: receivables.Collectible): FiredSteps {
    const anchor = this.rule.schedule.kind === 'invoice_issued' ? invoice.issueDate : invoice.dueDate;
    const key = `${anchor}|${invoice.timeZone}|${this.rule.businessDaysOnly ? invoice.country : ''}`;
    return this.memo.steps(key, () => invoiceCalendar(this.rule, invoice), {
      now: this.now,
      graceHours: this.graceHours,
      since: this.rule.decidedThrough,
    });
  }
}

/**
 * What an invoice rule decides for one collectible invoice: its latest fired
 * step if undecided — unless the tenant requires the invoice's documents and
 * they have not arrived, when it is deferred — and, missed, any older step
 * that fired while no cycle ran; pure. An issue notice past its grace period
 * (its invoice or documents came late) is missed, or, when the tenant chose
 * to send late issue notices, waits for its documents and goes out late.
 */
export function decideInvoice(
  rule: InvoiceRule,
  invoice: receivables.Collectible,
  steps: InvoiceSteps,
  policy: PolicyBook,
): TargetDecision[] {
  if (!policy.applies(rule, invoice.customerId)) return [];
  const { latest, older } = steps.of(invoice);
  const customer = { customerId: invoice.customerId, name: invoice.customerName, taxId: invoice.customerTaxId };
  const decide = (step: DecidedStep) =>
    verdict(
      rule,
      invoice.customerId,
      invoice.invoiceId,
      step,
      [invoice.invoiceId],
      invoice,
      policy.skipReason(rule, customer, step.localDate),
    );
  const decisions = older.map(decide);
  if (!latest) return decisions;
  const sendLate = latest.missed && rule.schedule.kind === 'invoice_issued' && policy.sendsLateIssueNotices;
  const step = sendLate ? { ...latest, missed: false, late: true } : latest;
  if (step.missed || invoice.documentsReady) decisions.push(decide(step));
  return decisions;
}
