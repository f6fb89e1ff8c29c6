import { isSettled, reduceBalance, type InvoiceAmounts } from './balance';

const invoice: InvoiceAmounts = {
  totalMinor: '100000',
  balanceMinor: '60000',
  paidMinor: '30000',
  creditedMinor: '10000',
  writtenOffMinor: '0',
};

const addsUp = (a: InvoiceAmounts) =>
  BigInt(a.totalMinor) - BigInt(a.paidMinor) - BigInt(a.creditedMinor) - BigInt(a.writtenOffMinor) ===
  BigInt(a.balanceMinor);

describe('reducing an invoice balance', () => {
  it.each([
    ['paid', 'paidMinor', 20000n, '40000', '50000'],
    ['credited', 'creditedMinor', 60000n, '0', '70000'],
    ['writtenOff', 'writtenOffMinor', 1n, '59999', '1'],
  ] as const)('a %s reduction moves the amount into %s', (kind, field, amount, balance, moved) => {
    const result = reduceBalance(invoice, kind, amount);
    if (!result.ok) throw new Error(result.reason);
    expect(result.amounts.balanceMinor).toBe(balance);
    expect(result.amounts[field]).toBe(moved);
    expect(addsUp(result.amounts)).toBe(true);
  });

  it.each([
    [60001n, 'exceeds'],
    [0n, 'positive'],
    [-5n, 'positive'],
  ])('refuses %d (%s), leaving the invoice as it was', (amount, word) => {
    const result = reduceBalance(invoice, 'paid', amount);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(word);
  });
});

describe('settled within the tolerance', () => {
  it.each([
    ['0', '0', true],
    ['3', '5', true],
    ['5', '5', true],
    ['6', '5', false],
    ['1', '0', false],
  ])('a balance of %s with tolerance %s is settled: %s', (balance, tolerance, settled) => {
    expect(isSettled(balance, tolerance)).toBe(settled);
  });
});
