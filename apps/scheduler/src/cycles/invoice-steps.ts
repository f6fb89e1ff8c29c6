import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { BusinessDays } from '../calendar/business-days';
import { decideStep } from '../calendar/decide-step';
import { stepSeries, type Schedule } from '../calendar/schedule';
import { StepCalendar } from '../calendar/step-calendar';
import type { PolicyBook } from '../policy/policy-book';
import type { Rule, RuleSchedule } from '../rules/rule.entity';
import { StepMemo, verdict, type DecidedStep, type TargetDecision } from './target-decision';

/** A business-day shift never moves a date further than this (a long weekend next to holidays). */
const MAX_SHIFT_DAYS = 7;

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
 * The invoices that can have a step to decide at `asOf`, pushed down to SQL as
 * a window on the due date (on the issue date for issue notices): a step
 * fired by now (one day of slack covers every zone) and not older than the
 * grace period plus the longest business-day shift.
 */
export function collectibleWindow(
  schedule: InvoiceSchedule,
  asOf: Temporal.Instant,
  graceHours: number,
): Partial<receivables.ListCollectiblesRequest> {
  const today = asOf.toZonedDateTimeISO('UTC').toPlainDate();
  const oldest = today.subtract({ days: Math.ceil(graceHours / 24) + 1 + MAX_SHIFT_DAYS });
  if (schedule.kind === 'invoice_issued') return { issuedFrom: oldest.toString() };
  const [first, last] =
    schedule.kind === 'due_soon'
      ? [-schedule.daysBefore, -schedule.daysBefore]
      : [schedule.fromDays, schedule.untilDays];
  const dueTo = today.add({ days: 1 }).subtract({ days: first }).toString();
  return { dueFrom: last === undefined ? '' : oldest.subtract({ days: last }).toString(), dueTo };
}

/**
 * The latest fired step of an invoice rule for each invoice, at one instant.
 * It depends only on the anchor date, the zone and the country, which many
 * invoices share: each combination is worked out once per cycle.
 */
export class InvoiceSteps {
  private readonly memo = new StepMemo();

  constructor(
    private readonly rule: InvoiceRule,
    private readonly now: Temporal.Instant,
    private readonly graceHours: number,
  ) {}

  of(invoice: receivables.Collectible): DecidedStep | undefined {
    const anchor = this.rule.schedule.kind === 'invoice_issued' ? invoice.issueDate : invoice.dueDate;
    const key = `${anchor}|${invoice.timeZone}|${this.rule.businessDaysOnly ? invoice.country : ''}`;
    return this.memo.get(key, () => decideStep(invoiceCalendar(this.rule, invoice), this.now, this.graceHours));
  }
}

/**
 * What an invoice rule decides for one collectible invoice, if a step fired
 * and is undecided; pure. An invoice whose documents the tenant requires and
 * that has not arrived is deferred: nothing is decided yet.
 */
export function decideInvoice(
  rule: InvoiceRule,
  invoice: receivables.Collectible,
  steps: InvoiceSteps,
  policy: PolicyBook,
): TargetDecision | undefined {
  if (!policy.applies(rule, invoice.customerId)) return undefined;
  const decision = steps.of(invoice);
  if (!decision || (!decision.missed && !invoice.documentsReady)) return undefined;
  const customer = { customerId: invoice.customerId, name: invoice.customerName, taxId: invoice.customerTaxId };
  const skip = policy.skipReason(rule, customer, decision.localDate);
  return verdict(rule, invoice.customerId, invoice.invoiceId, decision, [invoice.invoiceId], invoice, skip);
}
