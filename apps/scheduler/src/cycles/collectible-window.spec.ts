import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { decideStep } from '../calendar/decide-step';
import type { Rule, RuleSchedule } from '../rules/rule.entity';
import { collectibleWindow, invoiceCalendar, type InvoiceRule } from './invoice-steps';

const GRACE_HOURS = 48;

/** What receivables keeps for a window (its SQL, written out for one due date). */
function kept(window: Partial<receivables.ListCollectiblesRequest>, due: Temporal.PlainDate): boolean {
  if (window.dueFrom && Temporal.PlainDate.compare(due, Temporal.PlainDate.from(window.dueFrom)) < 0) return false;
  if (window.dueTo && Temporal.PlainDate.compare(due, Temporal.PlainDate.from(window.dueTo)) > 0) return false;
  if (!window.stepWindow) return true;
  const { onOrAfter, onOrBefore, fromDays, everyDays } = window.stepWindow;
  const daysFrom = (date: string) => due.until(Temporal.PlainDate.from(date)).days - fromDays;
  const [x, y] = [daysFrom(onOrAfter), daysFrom(onOrBefore)];
  if (everyDays === 0) return x <= 0 && y >= 0;
  const first = Math.max(x, 0) + ((everyDays - (Math.max(x, 0) % everyDays)) % everyDays);
  return first <= y;
}

function rule(schedule: RuleSchedule, sendHour: number, businessDaysOnly: boolean, since: Date | null): InvoiceRule {
  return { schedule, sendHour, businessDaysOnly, decidedThrough: since } as Rule as InvoiceRule;
}

/**
 * The window pushed down to receivables may be wider than exact, never
 * narrower: every invoice for which the cycle would record a decision is in
 * it, whatever the zone (UTC−12 to UTC+14), send hour, business days and the
 * rule's last cycle.
 */
describe('the collectible window holds every invoice with a step to decide', () => {
  const schedules: RuleSchedule[] = [
    { kind: 'overdue', fromDays: 1, everyDays: 7 },
    { kind: 'overdue', fromDays: 5, untilDays: 30, everyDays: 5 },
    { kind: 'overdue', fromDays: 3 },
    { kind: 'due_soon', daysBefore: 2 },
  ];
  const zones = ['Etc/GMT-14', 'Etc/GMT+12', 'America/Santiago'];
  const asOf = Temporal.Instant.from('2026-09-21T15:30:00Z'); // the Monday after Chile's Fiestas Patrias

  it.each(
    schedules.flatMap((schedule) =>
      [0, 9, 23].flatMap((hour) => [false, true].map((businessDays) => [schedule, hour, businessDays] as const)),
    ),
  )('%j at %i h, business days %s', (schedule, sendHour, businessDays) => {
    for (const since of [null, ...[26, 32, 40, 24 * 6].map((hours) => asOf.subtract({ hours }))]) {
      const r = rule(schedule, sendHour, businessDays, since && new Date(since.epochMilliseconds));
      const window = collectibleWindow(r, asOf, GRACE_HOURS);
      for (let offset = -10; offset <= 60; offset++) {
        const due = asOf.toZonedDateTimeISO('UTC').toPlainDate().subtract({ days: offset });
        for (const timeZone of zones) {
          const invoice = { dueDate: due.toString(), issueDate: due.toString(), timeZone, country: 'CL' };
          const decision = decideStep(invoiceCalendar(r, invoice), asOf, GRACE_HOURS);
          if (!decision) continue;
          const toDecide = since ? Temporal.Instant.compare(decision.fireAt, since) > 0 : !decision.missed;
          if (toDecide) expect([due.toString(), timeZone, kept(window, due)]).toEqual([due.toString(), timeZone, true]);
        }
      }
    }
  });
});
