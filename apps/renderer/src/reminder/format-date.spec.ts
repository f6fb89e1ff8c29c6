import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { formatCalendarDate } from './format-date';

/**
 * formatCalendarDate run by a fresh Node whose TZ is `zone`: under Jest, setting
 * process.env.TZ changes a copy and never reaches ICU.
 */
function formatInZone(zone: string, date: string, locale: string): string {
  const source = readFileSync(join(__dirname, 'format-date.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const run = `const module = { exports: {} }; (function (exports) { ${js} })(module.exports);
    process.stdout.write(module.exports.formatCalendarDate(${JSON.stringify(date)}, ${JSON.stringify(locale)}));`;
  return execFileSync(process.execPath, ['-e', run], { env: { ...process.env, TZ: zone } }).toString();
}

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

  it.each(['America/Mexico_City', 'America/Santiago', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'keeps the day the invoice says when the process runs in %s',
    (zone) => {
      expect(formatInZone(zone, '2025-01-01', 'en')).toBe('Jan 1, 2025');
      expect(formatInZone(zone, '2025-12-31', 'es-MX')).toBe('31 dic 2025');
    },
  );

  it.each(['2025-02-30', '2025-13-01', '2025-00-10', '05/01/2025', '2025-1-5', '', '2025-01-05T00:00:00Z'])(
    'refuses "%s", which is not a calendar date',
    (date) => {
      expect(() => formatCalendarDate(date, 'es-MX')).toThrow(RangeError);
    },
  );
});
