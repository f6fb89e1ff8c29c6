import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { decideStep } from '../calendar/decide-step';
import type { Rule, RuleSchedule } from '../rules/rule.entity';
import { collectibleWindow, invoiceCalendar, type InvoiceRule } from './invoice-steps';

const GRACE_HOURS = 48;

/**
 * What receivables keeps for a window (its SQL, written out for one zone):
 * whether it keeps an invoice of that zone due on a date. The zone's window
 * ends are worked out once, as the SQL does once per row.
 */
function keeps(
  window: Partial<receivables.ListCollectiblesRequest>,
  timeZone: string,
): (due: Temporal.PlainDate) => boolean {
  const dueFrom = window.dueFrom ? Temporal.PlainDate.from(window.dueFrom) : undefined;
  const dueTo = window.dueTo ? Temporal.PlainDate.from(window.dueTo) : undefined;
  const stepWindow = window.stepWindow;
  const between = (due: Temporal.PlainDate, first: Temporal.PlainDate, last: Temporal.PlainDate) => {
    const { fromDays, everyDays } = stepWindow!;
    const [x, y] = [due.until(first).days - fromDays, due.until(last).days - fromDays];
    if (everyDays === 0) return x <= 0 && y >= 0;
    return Math.max(x, 0) + ((everyDays - (Math.max(x, 0) % everyDays)) % everyDays) <= y;
  };
  // `instant at time zone` in SQL: the wall clock of the zone, then hours off it, then its date.
  const local = (instant: string, hours: number) =>
    Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDateTime().subtract({ hours }).toPlainDate();
  const zoned = stepWindow?.zoned;
  const zonedEnds = zoned && [
    local(zoned.after, zoned.sendHour + 2).add({ days: 1 - zoned.shiftDays }),
    local(zoned.by, zoned.sendHour - 2),
  ];
  return (due) => {
    if (dueFrom && Temporal.PlainDate.compare(due, dueFrom) < 0) return false;
    if (dueTo && Temporal.PlainDate.compare(due, dueTo) > 0) return false;
    if (!stepWindow) return true;
    const { onOrAfter, onOrBefore } = stepWindow;
    if (!between(due, Temporal.PlainDate.from(onOrAfter), Temporal.PlainDate.from(onOrBefore))) return false;
    return !zonedEnds || between(due, zonedEnds[0], zonedEnds[1]);
  };
}

/** The same for one invoice. */
const kept = (window: Partial<receivables.ListCollectiblesRequest>, due: Temporal.PlainDate, timeZone: string) =>
  keeps(window, timeZone)(due);

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
  const zones = ['Etc/GMT-14', 'Etc/GMT+12', 'America/Santiago', 'America/Mexico_City'];
  const instants = [
    '2026-09-21T15:30:00Z', // the Monday after Chile's Fiestas Patrias
    '2026-09-06T10:00:00Z', // Chile's clocks went from 00:00 to 01:00 that night
    '2026-04-05T12:00:00Z', // and from 00:00 back to 23:00 on this one
  ].map((instant) => Temporal.Instant.from(instant));

  it.each(
    schedules.flatMap((schedule) =>
      [0, 9, 23].flatMap((hour) => [false, true].map((businessDays) => [schedule, hour, businessDays] as const)),
    ),
  )('%j at %i h, business days %s', (schedule, sendHour, businessDays) => {
    const missing: string[] = [];
    for (const asOf of instants) {
      // A step's decision does not depend on the rule's last cycle: each is worked out once per instant.
      const decisions = zones.flatMap((timeZone) =>
        Array.from({ length: 71 }, (_, i) => {
          const due = asOf
            .toZonedDateTimeISO('UTC')
            .toPlainDate()
            .subtract({ days: i - 10 });
          const invoice = { dueDate: due.toString(), issueDate: due.toString(), timeZone, country: 'CL' };
          const r = rule(schedule, sendHour, businessDays, null);
          return { due, timeZone, decision: decideStep(invoiceCalendar(r, invoice), asOf, GRACE_HOURS) };
        }),
      );
      for (const since of [null, ...[1, 26, 32, 40, 24 * 6].map((hours) => asOf.subtract({ hours }))]) {
        const r = rule(schedule, sendHour, businessDays, since && new Date(since.epochMilliseconds));
        const window = collectibleWindow(r, asOf, GRACE_HOURS);
        const keepsIn = new Map(zones.map((zone) => [zone, keeps(window, zone)]));
        for (const { due, timeZone, decision } of decisions) {
          if (!decision) continue;
          const toDecide = since ? Temporal.Instant.compare(decision.fireAt, since) > 0 : !decision.missed;
          if (toDecide && !keepsIn.get(timeZone)!(due)) {
            missing.push([asOf.toString(), since?.toString(), due.toString(), timeZone].join(' '));
          }
        }
      }
    }
    // Each entry: as of, last cycle, due date and zone of an invoice the window left out.
    expect(missing).toEqual([]);
  });

  it('keeps about one day of due dates per day of steps in each zone, not the two any zone needs', () => {
    const asOf = Temporal.Instant.from('2026-11-22T18:00:00Z');
    const since = new Date(asOf.subtract({ hours: 24 }).epochMilliseconds);
    const window = collectibleWindow(rule({ kind: 'overdue', fromDays: 1 }, 9, false, since), asOf, GRACE_HOURS);
    const keptDues = (timeZone: string) =>
      Array.from({ length: 10 }, (_, i) => Temporal.PlainDate.from('2026-11-16').add({ days: i }))
        .filter((due) => kept(window, due, timeZone))
        .map((due) => due.toString());
    expect(keptDues('America/Mexico_City')).toEqual(['2026-11-21']);
    expect(keptDues('Etc/GMT-14')).toEqual(['2026-11-21']);
    expect(
      kept(
        { ...window, stepWindow: { ...window.stepWindow!, zoned: undefined } },
        Temporal.PlainDate.from('2026-11-20'),
        'UTC',
      ),
    ).toBe(true);
  });
});
