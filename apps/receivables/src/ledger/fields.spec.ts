import { fields } from './fields';

describe('amounts in minor units', () => {
  it.each([
    ['0', true],
    ['123456', true],
    ['4611686018427387903', true],
    ['4611686018427387904', false], // 2^62: beyond what the ledger holds
    ['-1', false],
    ['abc', false],
    ['1.5', false],
    ['', false],
    ['1e3', false],
    ['99999999999999999999999999999', false],
  ])('%j is a valid amount: %s', (value, valid) => {
    expect(fields.minorUnits.safeParse(value).success).toBe(valid);
  });

  it.each([
    ['-1', 'must not be negative'],
    ['abc', 'must be an integer amount in minor units'],
  ])('%j is refused with "%s"', (value, message) => {
    expect(fields.minorUnits.safeParse(value).error?.issues[0].message).toBe(message);
  });

  it('a payment amount must be positive', () => {
    expect(fields.positiveMinorUnits.safeParse('0').error?.issues[0].message).toBe('must be positive');
  });
});
