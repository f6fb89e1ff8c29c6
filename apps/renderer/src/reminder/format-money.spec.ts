import { formatMoney } from './format-money';

const nbsp = '\u00a0';

describe('formatMoney', () => {
  it.each([
    // minor units, currency, locale, as the reader sees it
    ['1234567', 'CLP', 'es-CL', '$1.234.567'], // CLP has no decimals
    ['123456', 'MXN', 'es-MX', '$1,234.56'],
    ['5', 'MXN', 'es-MX', '$0.05'],
    ['0', 'MXN', 'es-MX', '$0.00'],
    ['000123', 'MXN', 'es-MX', '$1.23'],
    ['123456', 'USD', 'es-MX', `USD${nbsp}1,234.56`],
    ['123456', 'USD', 'es-CL', 'US$1.234,56'],
    ['123456', 'MXN', 'en', 'MX$1,234.56'],
    ['1234567', 'CLP', 'en', `CLP${nbsp}1,234,567`],
    ['1234', 'KWD', 'en', `KWD${nbsp}1.234`], // three decimals
  ])('%s %s in %s is %s', (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected);
  });

  it.each([
    // Past 2^53 a float would round the last digits.
    ['9007199254740993', 'CLP', 'es-CL', '$9.007.199.254.740.993'],
    ['123456789012345678901234567890', 'MXN', 'es-MX', '$1,234,567,890,123,456,789,012,345,678.90'],
    ['900719925474099301', 'MXN', 'es-MX', '$9,007,199,254,740,993.01'],
  ])('keeps the huge amount %s %s exact', (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected);
  });

  it.each([
    ['-123456', 'MXN', 'es-MX', '-$1,234.56'],
    ['-5', 'MXN', 'es-MX', '-$0.05'],
    ['-1234', 'CLP', 'es-CL', '$-1.234'], // CLDR's es-CL pattern puts the sign after the symbol
    ['-0', 'MXN', 'es-MX', '$0.00'],
  ])('writes the negative amount %s %s as %s', (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected);
  });

  it.each(['12.50', '', '1e6', ' 12', '12 ', '+12', '0x10', '١٢'])(
    'refuses "%s", which is not integer minor units',
    (minor) => {
      expect(() => formatMoney(minor, 'MXN', 'es-MX')).toThrow(RangeError);
    },
  );
});
