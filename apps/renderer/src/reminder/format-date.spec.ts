import { formatCalendarDate } from './format-date';

describe('formatCalendarDate', () => {
  it.each([
    ['2025-01-05', 'es-MX', '5 ene 2025'],
    ['2025-12-31', 'es-MX', '31 dic 2025'],
    ['2025-01-05', 'es-CL', '05-01-2025'],
    ['2025-01-05', 'en', 'Jan 5, 2025'],
    ['2024-02-29', 'en', 'Feb 29, 2024'],
    ['2025-01-05', 'en-GB', '5 Jan 2025'],
  ])('%s in %s is %s', (date, locale, expected) => {
    expect(formatCalendarDate(date, locale)).toBe(expected);
  });

  describe('in any process time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it.each(['America/Mexico_City', 'America/Santiago', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
      'keeps the day the invoice says (TZ=%s)',
      (zone) => {
        process.env.TZ = zone;
        expect(formatCalendarDate('2025-01-01', 'en')).toBe('Jan 1, 2025');
        expect(formatCalendarDate('2025-12-31', 'es-MX')).toBe('31 dic 2025');
      },
    );
  });

  it.each(['2025-02-30', '2025-13-01', '2025-00-10', '05/01/2025', '2025-1-5', '', '2025-01-05T00:00:00Z'])(
    'refuses "%s", which is not a calendar date',
    (date) => {
      expect(() => formatCalendarDate(date, 'es-MX')).toThrow(RangeError);
    },
  );
});
