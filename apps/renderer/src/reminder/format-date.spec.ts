import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { formatCalendarDate } from './format-date';

const ZONES = ['America/Mexico_City', 'America/Santiago', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const DATES: [date: string, locale: string][] = [
  ['2025-01-01', 'en'],
  ['2025-12-31', 'es-MX'],
];

/**
 * formatCalendarDate, loaded afresh for each zone, in one Node of its own whose
 * TZ is set to that zone first: under Jest, setting process.env.TZ changes a
 * copy and never reaches ICU. The child transpiles the file itself, so neither
 * TypeScript nor a process per case is paid for inside the test.
 */
function formatInZones(): Record<string, string[]> {
  const run = `
    const ts = require('typescript');
    const source = require('node:fs').readFileSync(${JSON.stringify(join(__dirname, 'format-date.ts'))}, 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
    const out = {};
    for (const zone of ${JSON.stringify(ZONES)}) {
      process.env.TZ = zone;
      const module = { exports: {} };
      new Function('exports', js)(module.exports);
      out[zone] = ${JSON.stringify(DATES)}.map(([date, locale]) => module.exports.formatCalendarDate(date, locale));
    }
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', run], { cwd: __dirname }).toString());
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

  describe('keeps the day the invoice says whatever zone the process runs in', () => {
    let inZones: Record<string, string[]>;
    beforeAll(() => {
      inZones = formatInZones();
    });

    it.each(ZONES)('%s', (zone) => {
      expect(inZones[zone]).toEqual(['Jan 1, 2025', '31 dic 2025']);
    });
  });

  it.each(['2025-02-30', '2025-13-01', '2025-00-10', '05/01/2025', '2025-1-5', '', '2025-01-05T00:00:00Z'])(
    'refuses "%s", which is not a calendar date',
    (date) => {
      expect(() => formatCalendarDate(date, 'es-MX')).toThrow(RangeError);
    },
  );
});
