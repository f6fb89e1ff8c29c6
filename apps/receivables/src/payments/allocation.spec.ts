import { allocatePayment, consumeCredits, oldestDueFirst, type Credit, type Payable } from './allocation';

const invoice = (id: string, dueDate: string, balanceMinor: string, extra: Partial<Payable> = {}): Payable => ({
  id,
  customerId: 'c1',
  currency: 'MXN',
  dueDate,
  series: 'A',
  folio: id,
  balanceMinor,
  ...extra,
});

const credit = (paymentId: string, date: string, unappliedMinor: string, extra: Partial<Credit> = {}): Credit => ({
  paymentId,
  customerId: 'c1',
  currency: 'MXN',
  date,
  recordedAt: '2026-11-01T00:00:00.000Z',
  unappliedMinor,
  ...extra,
});

describe('allocatePayment: a payment naming no invoices, oldest due first', () => {
  it.each<[string, string, Payable[], [string, string][], string]>([
    ['no open invoices: all of it is credit', '500', [], [], '500'],
    ['exactly one invoice', '100', [invoice('1', '2026-10-01', '100')], [['1', '100']], '0'],
    [
      'part of the oldest only',
      '60',
      [invoice('2', '2026-11-01', '100'), invoice('1', '2026-10-01', '100')],
      [['1', '60']],
      '0',
    ],
    [
      'the oldest in full, then part of the next',
      '150',
      [invoice('2', '2026-11-01', '100'), invoice('1', '2026-10-01', '100')],
      [
        ['1', '100'],
        ['2', '50'],
      ],
      '0',
    ],
    [
      'more than everything owed: the rest is credit',
      '1000',
      [invoice('1', '2026-10-01', '100'), invoice('2', '2026-11-01', '250')],
      [
        ['1', '100'],
        ['2', '250'],
      ],
      '650',
    ],
    [
      'same due date: by series, then folio by value (9 before 10)',
      '250',
      [
        invoice('b10', '2026-10-01', '100', { series: 'B', folio: '10' }),
        invoice('a10', '2026-10-01', '100', { series: 'A', folio: '10' }),
        invoice('a9', '2026-10-01', '100', { series: 'A', folio: '9' }),
      ],
      [
        ['a9', '100'],
        ['a10', '100'],
        ['b10', '50'],
      ],
      '0',
    ],
    [
      'folios that are not numbers: as text',
      '100',
      [invoice('x', '2026-10-01', '100', { folio: 'F-2' }), invoice('y', '2026-10-01', '100', { folio: 'F-10' })],
      [['y', '100']],
      '0',
    ],
    [
      'amounts past 2^53 stay exact',
      '9007199254740993',
      [invoice('1', '2026-10-01', '9007199254740992')],
      [['1', '9007199254740992']],
      '1',
    ],
  ])('%s', (_, amount, invoices, allocations, unapplied) => {
    const result = allocatePayment(amount, invoices);
    expect(result.allocations.map((a) => [a.invoiceId, a.amountMinor])).toEqual(allocations);
    expect(result.unappliedMinor).toBe(unapplied);
    const allocated = result.allocations.reduce((sum, a) => sum + BigInt(a.amountMinor), 0n);
    expect(allocated + BigInt(result.unappliedMinor)).toBe(BigInt(amount));
  });

  it('never allocates more to an invoice than its balance', () => {
    const invoices = [
      invoice('1', '2026-10-01', '7'),
      invoice('2', '2026-10-02', '3'),
      invoice('3', '2026-10-03', '5'),
    ];
    for (let amount = 1; amount <= 20; amount++) {
      for (const a of allocatePayment(String(amount), invoices).allocations) {
        expect(BigInt(a.amountMinor)).toBeLessThanOrEqual(
          BigInt(invoices.find((i) => i.id === a.invoiceId)!.balanceMinor),
        );
      }
    }
  });
});

describe('consumeCredits: new invoices spend the oldest credit first', () => {
  it.each<[string, Credit[], Payable[], [string, string, string][]]>([
    ['no credit', [], [invoice('1', '2026-12-01', '100')], []],
    [
      'a credit smaller than the invoice',
      [credit('p1', '2026-11-01', '30')],
      [invoice('1', '2026-12-01', '100')],
      [['p1', '1', '30']],
    ],
    [
      'a credit larger than the invoice: the rest stays',
      [credit('p1', '2026-11-01', '300')],
      [invoice('1', '2026-12-01', '100')],
      [['p1', '1', '100']],
    ],
    [
      'two credits: the older (by date) first',
      [credit('new', '2026-11-05', '80'), credit('old', '2026-11-01', '50')],
      [invoice('1', '2026-12-01', '100')],
      [
        ['old', '1', '50'],
        ['new', '1', '50'],
      ],
    ],
    [
      'two credits of one date: the first recorded first',
      [
        credit('later', '2026-11-01', '80', { recordedAt: '2026-11-01T10:00:00.000Z' }),
        credit('earlier', '2026-11-01', '80', { recordedAt: '2026-11-01T09:00:00.000Z' }),
      ],
      [invoice('1', '2026-12-01', '100')],
      [
        ['earlier', '1', '80'],
        ['later', '1', '20'],
      ],
    ],
    [
      'several new invoices: oldest due first',
      [credit('p1', '2026-11-01', '150')],
      [invoice('late', '2027-01-01', '100'), invoice('soon', '2026-12-01', '100')],
      [
        ['p1', 'soon', '100'],
        ['p1', 'late', '50'],
      ],
    ],
    [
      'only in its own currency',
      [credit('usd', '2026-11-01', '100', { currency: 'USD' })],
      [invoice('1', '2026-12-01', '100')],
      [],
    ],
    [
      "only the customer's own",
      [credit('theirs', '2026-11-01', '100', { customerId: 'c2' })],
      [invoice('mine', '2026-12-01', '100'), invoice('its', '2026-12-01', '40', { customerId: 'c2' })],
      [['theirs', 'its', '40']],
    ],
  ])('%s', (_, credits, invoices, applications) => {
    expect(consumeCredits(credits, invoices).map((a) => [a.paymentId, a.invoiceId, a.amountMinor])).toEqual(
      applications,
    );
  });
});

describe('oldestDueFirst', () => {
  it('orders by due date before anything else', () => {
    const list = [
      invoice('z', '2026-10-02', '1', { series: 'A', folio: '1' }),
      invoice('y', '2026-10-01', '1', { series: 'Z', folio: '99' }),
    ];
    expect(list.sort(oldestDueFirst).map((i) => i.id)).toEqual(['y', 'z']);
  });

  it('reads 007 and 7 as the same folio, then orders by id', () => {
    const list = [invoice('b', '2026-10-01', '1', { folio: '007' }), invoice('a', '2026-10-01', '1', { folio: '7' })];
    expect(list.sort(oldestDueFirst).map((i) => i.id)).toEqual(['a', 'b']);
  });
});
