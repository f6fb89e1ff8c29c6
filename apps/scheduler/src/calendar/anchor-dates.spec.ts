import { Temporal } from '@js-temporal/polyfill';
import { anchorDates } from './anchor-dates';
import { BusinessDays } from './business-days';
import { stepSeries, type AnchoredSchedule } from './schedule';
import { StepCalendar } from './step-calendar';

const date = Temporal.PlainDate.from;

/**
 * anchorDates inverts the calendar: for every anchor date from the floor on,
 * it lists the anchor exactly when StepCalendar — the calendar the cycle
 * decides with — has a step of that anchor firing in the window. Checked
 * date by date against StepCalendar itself, in zones from UTC−12 to UTC+14
 * (with half-hour daylight saving too), at midnight, morning and the last
 * hour, with and without business days, across Chile's clock changes and
 * Fiestas Patrias.
 */
describe('the anchor dates with a step firing in a window are exactly those StepCalendar fires', () => {
  const schedules: AnchoredSchedule[] = [
    { kind: 'overdue', fromDays: 1, everyDays: 7 },
    { kind: 'overdue', fromDays: 0, everyDays: 1 },
    { kind: 'overdue', fromDays: 5, untilDays: 30, everyDays: 5 },
    { kind: 'overdue', fromDays: 3 },
    { kind: 'due_soon', daysBefore: 2 },
    { kind: 'invoice_issued' },
  ];
  const zones = ['Etc/GMT+12', 'Etc/GMT-14', 'America/Santiago', 'America/Mexico_City', 'Australia/Lord_Howe'];
  const windows = [
    // The Monday after Fiestas Patrias (18 and 19 September), the last cycle an hour, a day, six days before.
    ['2026-09-21T15:30:00Z', [1, 24, 24 * 6]],
    // Chile's clocks went from 00:00 to 01:00 that night, and back from 00:00 to 23:00 on 5 April.
    ['2026-09-06T10:00:00Z', [26, 48]],
    ['2026-04-05T12:00:00Z', [1, 30]],
  ] as const;
  // The oldest open due date 45 days before each window; every anchor from it to a week after the window.
  const anchorsNear = (instant: Temporal.Instant) => {
    const floor = instant.toZonedDateTimeISO('UTC').toPlainDate().subtract({ days: 45 });
    return { floor, anchors: Array.from({ length: 53 }, (_, i) => floor.add({ days: i })) };
  };

  it.each(
    schedules.flatMap((schedule) =>
      [0, 9, 23].flatMap((hour) => ['', 'CL'].map((country) => [schedule, hour, country] as const)),
    ),
  )('%j at %i h, business days of %p', (schedule, sendHour, country) => {
    const businessDays = country ? BusinessDays.of(country) : undefined;
    const wrong: string[] = [];
    for (const zone of zones) {
      for (const [asOf, hoursBack] of windows) {
        const by = Temporal.Instant.from(asOf);
        const { floor, anchors } = anchorsNear(by);
        const earliest = by.subtract({ hours: Math.max(...hoursBack) });
        // Each anchor's fire instants in the widest window, from the calendar itself.
        const fired = anchors.map((anchor) =>
          new StepCalendar(stepSeries(schedule, anchor), sendHour, zone, businessDays)
            .between(earliest, by)
            .map((step) => step.fireAt.epochMilliseconds),
        );
        for (const hours of hoursBack) {
          const after = by.subtract({ hours });
          const expected = anchors.filter((_, i) => fired[i].some((ms) => ms > after.epochMilliseconds));
          const ranges = anchorDates(schedule, { sendHour, zone, businessDays }, { after, by }, floor);
          const listed = ranges.flatMap(([first, last]) =>
            Array.from({ length: first.until(last).days + 1 }, (_, i) => first.add({ days: i })),
          );
          const [want, got] = [expected.map(String), listed.map(String)];
          if (want.join() !== got.join()) {
            wrong.push(`${zone} (${after}, ${by}]: want ${want.join(' ')}; got ${got.join(' ')}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reaches back to the floor for a rule with no end, one range per step', () => {
    const ranges = anchorDates(
      { kind: 'overdue', fromDays: 1, everyDays: 7 },
      { sendHour: 9, zone: 'America/Mexico_City' },
      { after: Temporal.Instant.from('2026-11-21T18:00:00Z'), by: Temporal.Instant.from('2026-11-22T18:00:00Z') },
      date('2026-10-01'),
    );
    // The step of 22 November 09:00: due 21 November, 14, 7, … back to the first on or after 1 October.
    expect(ranges.map(([first, last]) => `${first}..${last}`)).toEqual(
      ['10-03', '10-10', '10-17', '10-24', '10-31', '11-07', '11-14', '11-21'].map((d) => `2026-${d}..2026-${d}`),
    );
  });

  it('lists nothing when no send hour falls in the window', () => {
    const at = (iso: string) => Temporal.Instant.from(iso);
    // 09:00 in Mexico City is 15:00Z: a window from 16:00Z to 23:00Z holds none.
    expect(
      anchorDates(
        { kind: 'overdue', fromDays: 0, everyDays: 1 },
        { sendHour: 9, zone: 'America/Mexico_City' },
        { after: at('2026-11-22T16:00:00Z'), by: at('2026-11-22T23:00:00Z') },
        date('2026-01-01'),
      ),
    ).toEqual([]);
  });
});
