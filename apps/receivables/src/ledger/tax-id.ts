/**
 * Tax ids as each country's tax authority writes them. Mexico's RFC: 3 letters
 * (companies) or 4 (people), the registration date YYMMDD, a 3-character
 * homoclave. Chile's RUT: a number and a check digit (modulo 11, K for 10).
 */
export type TaxIdCheck = { ok: true; normalised: string } | { ok: false; reason: string };

export function checkTaxId(country: string, raw: string): TaxIdCheck {
  const value = raw.trim().toUpperCase();
  if (value === '') return { ok: true, normalised: '' };
  switch (country) {
    case 'MX':
      return checkRfc(value);
    case 'CL':
      return checkRut(value);
    default:
      return value.length <= 20
        ? { ok: true, normalised: value }
        : { ok: false, reason: 'must be at most 20 characters' };
  }
}

function checkRfc(value: string): TaxIdCheck {
  const match = /^([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z\d]{2}[A\d])$/.exec(value);
  if (!match) return { ok: false, reason: 'must be an RFC: 3-4 letters, date YYMMDD, 3-character homoclave' };
  const [, , yy, mm, dd] = match;
  const month = Number(mm);
  const day = Number(dd);
  // Any century fits a registration date; check the day exists (29 Feb in a leap year).
  const year = 2000 + Number(yy);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 ? 29 : days)) {
    return { ok: false, reason: 'must be an RFC whose date YYMMDD exists' };
  }
  return { ok: true, normalised: value };
}

function checkRut(value: string): TaxIdCheck {
  const match = /^(\d{1,3}(?:\.?\d{3})*)-?([\dK])$/.exec(value);
  if (!match) return { ok: false, reason: 'must be a RUT like 76.354.771-K' };
  const number = match[1].replace(/\./g, '');
  if (rutCheckDigit(number) !== match[2]) return { ok: false, reason: 'has a wrong check digit' };
  return { ok: true, normalised: `${Number(number)}-${match[2]}` };
}

export function rutCheckDigit(number: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = number.length - 1; i >= 0; i--) {
    sum += Number(number[i]) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const digit = 11 - (sum % 11);
  return digit === 11 ? '0' : digit === 10 ? 'K' : String(digit);
}
