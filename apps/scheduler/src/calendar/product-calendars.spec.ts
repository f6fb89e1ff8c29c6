import { Temporal } from '@js-temporal/polyfill';
import { BusinessDays } from './business-days';
import { stepSeries, type Schedule } from './schedule';
import { StepCalendar } from './step-calendar';

/**
 * The configurations each product Chasqui replaces offers, run over 2026: the
 * local dates (and instants, where daylight saving matters) every send lands
 * on. Expected dates are written out by hand from each product's rule, not
 * computed.
 */
const date = Temporal.PlainDate.from;
const YEAR_START = Temporal.Instant.from('2026-01-01T00:00:00Z');
const YEAR_END = Temporal.Instant.from('2027-01-01T00:00:00Z');

function sends(
  schedule: Schedule,
  options: { anchor?: string; hour: number; zone: string; country?: string },
): Temporal.PlainDate[] {
  const series = stepSeries(schedule, date(options.anchor ?? '2026-01-01'));
  const businessDays = options.country ? BusinessDays.of(options.country) : undefined;
  return new StepCalendar(series, options.hour, options.zone, businessDays)
    .between(YEAR_START, YEAR_END)
    .map((s) => s.localDate);
}
const strings = (dates: Temporal.PlainDate[]) => dates.map(String);
const MX = 'America/Mexico_City';
const SCL = 'America/Santiago';

describe('Bind ERP: estados de cuenta quincenal, mensual, personalizado', () => {
  it('quincenal from 1 January at 09:00: every 15 days, 25 sends in the year', () => {
    const dates = strings(
      sends({ kind: 'statement_interval', start: date('2026-01-01'), everyDays: 15 }, { hour: 9, zone: MX }),
    );
    expect(dates.slice(0, 5)).toEqual(['2026-01-01', '2026-01-16', '2026-01-31', '2026-02-15', '2026-03-02']);
    expect(dates).toHaveLength(25);
    expect(dates.at(-1)).toBe('2026-12-27');
  });

  it('mensual on day 31 at 08:00: the last day of each shorter month', () => {
    expect(strings(sends({ kind: 'statement_monthly', day: 31 }, { hour: 8, zone: MX }))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-31',
    ]);
  });

  it('personalizado: from 10 March every 10 days at 17:00, nothing before the start', () => {
    const dates = strings(
      sends({ kind: 'statement_interval', start: date('2026-03-10'), everyDays: 10 }, { hour: 17, zone: MX }),
    );
    expect(dates.slice(0, 4)).toEqual(['2026-03-10', '2026-03-20', '2026-03-30', '2026-04-09']);
    expect(dates).toHaveLength(30); // 10 Mar + 29·10 days = 25 Dec
    expect(dates.at(-1)).toBe('2026-12-25');
  });
});

describe('Contalink: vencimiento desde 5 hasta 30 días, cada 5 días; several messages with their own windows', () => {
  it('an invoice due 10 February gets six overdue reminders, the last on day 30', () => {
    expect(
      strings(
        sends(
          { kind: 'overdue', fromDays: 5, untilDays: 30, everyDays: 5 },
          { anchor: '2026-02-10', hour: 10, zone: MX },
        ),
      ),
    ).toEqual(['2026-02-15', '2026-02-20', '2026-02-25', '2026-03-02', '2026-03-07', '2026-03-12']);
  });

  it('a second message, 31 to 90 days every 15, runs its own window on the same invoice', () => {
    expect(
      strings(
        sends(
          { kind: 'overdue', fromDays: 31, untilDays: 90, everyDays: 15 },
          { anchor: '2026-02-10', hour: 10, zone: MX },
        ),
      ),
    ).toEqual(['2026-03-13', '2026-03-28', '2026-04-12', '2026-04-27']);
  });
});

describe('Bemmbo: 2 days before due, on the due date, 3 days after, monthly statement', () => {
  const due = '2026-07-15';
  it.each<[string, Schedule, string[]]>([
    ['2 days before due', { kind: 'due_soon', daysBefore: 2 }, ['2026-07-13']],
    ['on the due date', { kind: 'overdue', fromDays: 0 }, ['2026-07-15']],
    ['3 days after', { kind: 'overdue', fromDays: 3 }, ['2026-07-18']],
  ])('%s', (_, schedule, expected) => {
    expect(strings(sends(schedule, { anchor: due, hour: 9, zone: SCL }))).toEqual(expected);
  });

  it('the monthly statement on day 1 fires twelve times', () => {
    expect(strings(sends({ kind: 'statement_monthly', day: 1 }, { hour: 9, zone: SCL }))).toEqual(
      Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}-01`),
    );
  });

  it('business days only: the reminders move off weekends and Chilean holidays', () => {
    // 2026-09-18 and 19 are Fiestas Patrias / Glorias del Ejército (Fri, Sat): due_soon 2 days before 2026-09-20 → Mon 21.
    expect(
      strings(sends({ kind: 'due_soon', daysBefore: 2 }, { anchor: '2026-09-20', hour: 9, zone: SCL, country: 'CL' })),
    ).toEqual(['2026-09-21']);
    // Due Thursday 2026-12-24: 3 days after is Sunday 27 → Monday 28 (25 December is a holiday, not in the way).
    expect(
      strings(sends({ kind: 'overdue', fromDays: 3 }, { anchor: '2026-12-24', hour: 9, zone: SCL, country: 'CL' })),
    ).toEqual(['2026-12-28']);
  });

  it('business days in Mexico: the Día de la Independencia (16 September) moves a send to the 17th', () => {
    expect(
      strings(sends({ kind: 'overdue', fromDays: 1 }, { anchor: '2026-09-15', hour: 9, zone: MX, country: 'MX' })),
    ).toEqual(['2026-09-17']);
  });

  it('daily reminders that land on one business day collapse into one send', () => {
    // Due Thu 2026-10-08, every day from 1 to 5 overdue: Fri 9, Sat 10, Sun 11, Mon 12 (Encuentro de Dos Mundos,
    // a Chilean holiday), Tue 13 → sends on Fri 9 and Tue 13 only.
    expect(
      strings(
        sends(
          { kind: 'overdue', fromDays: 1, untilDays: 5, everyDays: 1 },
          { anchor: '2026-10-08', hour: 9, zone: SCL, country: 'CL' },
        ),
      ),
    ).toEqual(['2026-10-09', '2026-10-13']);
  });
});

describe('Chipax: weekly on Monday 09:00 America/Santiago', () => {
  const calendar = new StepCalendar(stepSeries({ kind: 'statement_weekly', weekday: 1 }, date('2026-01-01')), 9, SCL);
  const mondays = calendar.between(YEAR_START, YEAR_END);

  it('fires every Monday of 2026, 52 times', () => {
    expect(mondays).toHaveLength(52);
    expect(mondays.every((s) => s.localDate.dayOfWeek === 1)).toBe(true);
    expect(String(mondays[0].localDate)).toBe('2026-01-05');
  });

  it('stays at 09:00 local across both daylight-saving changes (UTC−3 in summer, UTC−4 in winter)', () => {
    const instant = (day: string) => mondays.find((s) => String(s.localDate) === day)!.fireAt.toString();
    expect(instant('2026-03-30')).toBe('2026-03-30T12:00:00Z'); // summer time, before 5 April
    expect(instant('2026-04-06')).toBe('2026-04-06T13:00:00Z'); // winter time
    expect(instant('2026-08-31')).toBe('2026-08-31T13:00:00Z');
    expect(instant('2026-09-07')).toBe('2026-09-07T12:00:00Z'); // summer time again from 6 September
  });
});

describe('catch-up over the calendar', () => {
  const calendar = new StepCalendar(
    stepSeries({ kind: 'overdue', fromDays: 5, untilDays: 30, everyDays: 5 }, date('2026-02-10')),
    10,
    MX,
  );
  it('after a one-day outage across a step, the latest fired step is that one, once', () => {
    // Down from 19 Feb 12:00 to 20 Feb 23:00 local: the second step (20 Feb 10:00) fired while it was down.
    const back = Temporal.Instant.from('2026-02-21T05:00:00Z');
    expect(calendar.latestFiredBy(back)).toMatchObject({ step: 1, localDate: date('2026-02-20') });
  });
  it('a window that ended stays ended', () => {
    expect(calendar.latestFiredBy(Temporal.Instant.from('2026-12-01T00:00:00Z'))?.step).toBe(5);
  });
});
