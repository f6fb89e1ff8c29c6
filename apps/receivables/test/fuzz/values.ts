import type { Rng } from './rng';

/** Amounts a ledger must refuse or survive; the client's int64 encoder already coerces some ('abc' → 0). */
export const BAD_AMOUNTS = [
  '-1',
  '0',
  '-9223372036854775808',
  '9223372036854775807',
  '4611686018427387904', // 2^62, the service's ceiling
  '4611686018427387903',
  '99999999999999999999999',
  'abc',
  '',
  '1e3',
  '12.5',
  ' 7',
  '0x10',
  '١٢',
];

/** Impossible dates, wrong formats, and real dates at the edges of what PostgreSQL stores. */
export const BAD_DATES = [
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '1900-02-29',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '10000-01-01',
  '2026-1-5',
  '2026/01/05',
  '20260105',
  '2026-01-05T00:00:00Z',
  ' 2026-01-05',
  '',
  'yesterday',
  '２０２６-０１-０５',
];

export const BAD_CURRENCIES = ['XXQ', 'mxn', 'Mxn', 'MX', 'MXNN', '', ' MXN', 'MXN ', '€', 'XXX', '123', 'ÑÑÑ'];
/** Real codes, wrong for most invoices they meet. */
export const OTHER_CURRENCIES = ['USD', 'EUR', 'CLP', 'JPY', 'MXN', 'COP', 'BHD'];

export const BAD_ZONES = ['Mars/Olympus', 'america/mexico_city', '+05:00', 'GMT+5', 'Etc/GMT+14', '../../etc/passwd'];
export const BAD_LOCALES = ['es_MX', 'EN', 'es-mx', 'e', 'español', 'es-MX-x-private'];
export const BAD_COUNTRIES = ['XX', 'mx', 'ZZ', 'MEX', '', 'AA', '🇲🇽', 'M1'];
export const BAD_DAYS = [-1, 0, 3651, 2_147_483_647, -2_147_483_648, 1.5];
export const BAD_EMAILS = [
  'not-an-email',
  '',
  'a@b',
  `${'x'.repeat(250)}@example.com`,
  'ñandú@correo.mx',
  '"a b"@x.io',
];

const NASTY_TEXT = [
  '',
  '   ',
  '\t\n',
  'ñandú 🦙 Ümlaut',
  'مرحبا بالعالم',
  '\u202Eevil\u202C',
  'e\u0301\u0301\u0301',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31mred\u001b[0m',
  '\r\n',
  "'; drop table receivables.invoices; --",
  "' or '1'='1",
  'Robert"); DROP TABLE customers;--',
  '\\',
  '%s%n%x',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  '\ud800',
  '\udfff\ud800',
  '\uffff\u2028',
  '😀'.repeat(60),
];

/** Text no field should choke on: empty, blank, control characters, SQL-ish, unpaired surrogates, too long. */
export function nastyText(rng: Rng): string {
  if (rng.chance(0.25)) return 'x'.repeat(rng.pick([26, 41, 101, 201, 301, 501, rng.int(1_000, 100_000)]));
  return rng.pick(NASTY_TEXT);
}

/** A value of any kind, for a field of another kind. */
export function wildValue(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => rng.int(-1e9, 1e9),
    () => rng.next() * 1e6,
    () => rng.pick([true, false, null, undefined, NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER]),
    () => rng.pick([{}, [], [1, 2], { nested: { deep: 'x' } }, [{}]]),
    () => String(rng.int(0, 1e9)),
    () => rng.bytes(rng.int(0, 24)).toString('latin1'),
    () => nastyText(rng),
  ])();
}

/** A tax id the tenant's country accepts: an RFC in Mexico, a RUT in Chile, anything short elsewhere. */
export function validTaxId(rng: Rng, country: string): string {
  const letters = (n: number) =>
    Array.from({ length: n }, () => rng.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZÑ&'])).join('');
  const two = (n: number) => String(n).padStart(2, '0');
  switch (country) {
    case 'MX':
      return `${letters(rng.int(3, 4))}${two(rng.int(0, 99))}${two(rng.int(1, 12))}${two(rng.int(1, 28))}${rng.int(10, 99)}${rng.int(0, 9)}`;
    case 'CL': {
      const number = String(rng.int(1_000_000, 99_999_999));
      return `${number}-${rutCheckDigit(number)}`;
    }
    default:
      return rng.chance(0.5) ? '' : `NIT${rng.int(100_000, 999_999_999)}`;
  }
}

function rutCheckDigit(number: string): string {
  let sum = 0;
  for (let i = number.length - 1, factor = 2; i >= 0; i--, factor = factor === 7 ? 2 : factor + 1) {
    sum += Number(number[i]) * factor;
  }
  const digit = 11 - (sum % 11);
  return digit === 11 ? '0' : digit === 10 ? 'K' : String(digit);
}

/** Tax ids to refuse: wrong shape for the country, a date that does not exist, a wrong check digit. */
export const BAD_TAX_IDS = [
  'CTO021307DZ8',
  'ABC',
  'x'.repeat(21),
  '76354771-1',
  '76.354.771-5',
  'XAXX 010101 000',
  '∞',
];
