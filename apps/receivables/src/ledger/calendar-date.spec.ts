import { daysBetween, isCalendarDate, isTimeZone } from './calendar-date';
import { isCurrency, minorDigits } from './currency';

describe('calendar dates', () => {
  it.each([
    ['2026-11-22', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['', false],
    ['0000-01-01', false], // no year 0 in PostgreSQL
    ['0001-01-01', false],
    ['1899-12-31', false],
    ['1900-01-01', true],
  ])('%s is a calendar date: %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));

  it.each([
    ['2026-11-12', '2026-11-22', 10],
    ['2026-11-22', '2026-11-12', -10],
    // Across Chile's DST change (2026-09-06): still whole days.
    ['2026-09-01', '2026-09-10', 9],
    ['2024-02-28', '2024-03-01', 2],
  ])('from %s to %s is %d days', (a, b, days) => expect(daysBetween(a, b)).toBe(days));

  it('knows IANA zones', () => {
    expect(isTimeZone('America/Santiago')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('currencies', () => {
  it.each([
    ['CLP', true, 0],
    ['MXN', true, 2],
    ['USD', true, 2],
  ])('%s is known with %d minor digits', (code, known, digits) => {
    expect(isCurrency(code)).toBe(known);
    expect(minorDigits(code)).toBe(digits);
  });

  it.each(['XYZ', 'mxn', 'MX', ''])('%s is not a currency', (code) => expect(isCurrency(code)).toBe(false));
});
