import { Temporal } from '@js-temporal/polyfill';
import { decideStep } from './decide-step';
import { fireInstant } from './fire-instant';
import { stepSeries } from './schedule';
import { StepCalendar } from './step-calendar';

const date = Temporal.PlainDate.from;
const at = (iso: string) => Temporal.Instant.from(iso);

describe('overdue from 5 days, every 5 (Contalink-style), due 2026-11-12', () => {
  const series = stepSeries({ kind: 'overdue', fromDays: 5, everyDays: 5 }, date('2026-11-12'));
  const decide = (now: string, graceHours = 48) =>
    decideStep(new StepCalendar(series, 9, 'America/Mexico_City'), at(now), graceHours);

  it.each([
    ['2026-11-16T23:00:00Z', undefined],
    ['2026-11-17T14:59:00Z', undefined], // 08:59 local: not yet
    ['2026-11-17T15:00:00Z', 0], // 09:00 local on due + 5
    ['2026-11-22T18:00:00Z', 1],
    ['2026-11-27T18:00:00Z', 2],
  ])('at %s the step due is %s', (now, step) => {
    expect(decide(now)?.step).toBe(step);
  });

  it("before today's send hour, the previous step is the one that passed", () => {
    expect(decide('2026-11-22T12:00:00Z')).toMatchObject({ step: 0, missed: true });
    expect(decide('2026-11-22T12:00:00Z', 200)).toMatchObject({ step: 0, missed: false });
  });

  it('a step older than the grace period is missed, not sent', () => {
    expect(decide('2026-11-20T15:00:00Z')).toMatchObject({ step: 0, missed: true });
    expect(decide('2026-11-19T14:00:00Z')).toMatchObject({ step: 0, missed: false, late: true });
  });
});

describe('bounded and one-off overdue rules', () => {
  const due = date('2026-01-01');
  it.each([
    [{ fromDays: 5, untilDays: 30, everyDays: 5 }, '2026-03-01', 5],
    [{ fromDays: 5, untilDays: 30, everyDays: 7 }, '2026-03-01', 3],
    [{ fromDays: 3 }, '2026-03-01', 0],
    [{ fromDays: 3 }, '2026-01-03', undefined],
  ])('%j: the last step on or before %s is %s', (schedule, day, step) => {
    expect(stepSeries({ kind: 'overdue', ...schedule }, due).lastOnOrBefore(date(day))).toBe(step);
  });
});

describe('fire instants across daylight-saving changes', () => {
  it('America/Santiago spring-forward: 00:00 does not exist on 2026-09-06 and moves to 01:00', () => {
    expect(fireInstant(date('2026-09-06'), 0, 'America/Santiago').toString()).toBe('2026-09-06T04:00:00Z');
  });
  it('America/Santiago fall-back: 23:00 on 2026-04-04 happens twice; the earlier is taken', () => {
    expect(fireInstant(date('2026-04-04'), 23, 'America/Santiago').toString()).toBe('2026-04-05T02:00:00Z');
  });
  it('09:00 in Mexico City (no DST since 2022) is 15:00Z all year', () => {
    expect(fireInstant(date('2026-07-01'), 9, 'America/Mexico_City').toString()).toBe('2026-07-01T15:00:00Z');
  });
});
