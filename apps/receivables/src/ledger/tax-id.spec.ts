import { checkTaxId } from './tax-id';

describe('Mexican RFC', () => {
  it.each([
    ['CTO021007DZ8', 'CTO021007DZ8'], // company, from a real CFDI in the corpus
    ['HEPJ800101AB2', 'HEPJ800101AB2'], // person
    ['xaxx010101000', 'XAXX010101000'], // generic public RFC, lower case normalised
    ['ÑAÑ960229AB1', 'ÑAÑ960229AB1'], // 29 Feb of a leap year
  ])('%s is valid', (raw, normalised) => expect(checkTaxId('MX', raw)).toEqual({ ok: true, normalised }));

  it.each([
    ['CTO021307DZ8', 'date'], // month 13
    ['CTO020230DZ8', 'date'], // 30 Feb
    ['CT021007DZ8', 'RFC'], // two letters
    ['CTO021007DZ', 'RFC'], // short homoclave
    ['76354771-K', 'RFC'],
  ])('%s is refused (%s)', (raw, word) => {
    const check = checkTaxId('MX', raw);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(word);
  });
});

describe('Chilean RUT', () => {
  it.each([
    ['76.354.771-K', '76354771-K'],
    ['76354771-k', '76354771-K'],
    ['96790240-3', '96790240-3'],
    ['60910000-1', '60910000-1'],
    ['76354771K', '76354771-K'], // without the dash the last character is the check digit
  ])('%s is valid', (raw, normalised) => expect(checkTaxId('CL', raw)).toEqual({ ok: true, normalised }));

  it.each(['76354771-1', '96790240-4', '763547710', '12-3', 'ABC'])('%s is refused', (raw) => {
    expect(checkTaxId('CL', raw).ok).toBe(false);
  });
});

it('an empty tax id is allowed (a customer without one yet)', () => {
  expect(checkTaxId('MX', ' ')).toEqual({ ok: true, normalised: '' });
});
