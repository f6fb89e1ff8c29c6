import { status, type Metadata, type ServiceError } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { apiKeyMetadata } from '@chasqui/grpc';
import { firstValueFrom, from } from 'rxjs';
import { invoicesThatDoNotAddUp, paymentsThatDoNotAddUp } from './fuzz/ledger-audit';
import { call } from './support/calls';
import { ReceivablesServer } from './support/receivables-server';

jest.setTimeout(120_000);

type Allocation = receivables.InvoiceAllocation;

const row = (
  externalId: string,
  allocations: Allocation[],
  extra: Partial<receivables.PaymentRow> = {},
): receivables.PaymentRow => ({
  externalId,
  customerExternalId: 'ERP-1',
  date: '2026-11-05',
  currency: 'MXN',
  amountMinor: allocations.reduce((sum, a) => sum + BigInt(a.amountMinor), 0n).toString(),
  allocations,
  ...extra,
});

/** A chunk of rows (the fields of the call's first, one-row form left empty). */
const chunk = (rows: receivables.PaymentRow[]): receivables.ImportPaymentsRequest => ({
  externalId: '',
  customerExternalId: '',
  date: '',
  currency: '',
  amountMinor: '0',
  allocations: [],
  rows,
});

const F = (folio: string, amountMinor: string): Allocation => ({ series: 'F', folio, amountMinor });

describe('importing payments from an ERP in chunks of rows', () => {
  const server = new ReceivablesServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const importPayments = (auth: Metadata, chunks: receivables.ImportPaymentsRequest[]) =>
    firstValueFrom(server.client.importPayments(from(chunks), auth));

  /** A tenant with customers ERP-1 and ERP-2 and invoices F-<folio> of the totals given (ERP-1's unless named). */
  const ledger = async (invoices: [string, string, string?, string?][]) => {
    const tenant = await server.tenant();
    const ids: Record<string, string> = {};
    for (const externalId of ['ERP-1', 'ERP-2']) {
      const { customer } = await call(
        server.client.createCustomer(
          { externalId, legalName: externalId, taxId: '', timeZone: '', locale: '', contacts: [] },
          tenant.auth,
        ),
      );
      ids[externalId] = customer!.id;
    }
    const invoiceIds: Record<string, string> = {};
    for (const [folio, totalMinor, owner = 'ERP-1', currency = 'MXN'] of invoices) {
      const { invoice } = await call(
        server.client.createInvoice(
          {
            customerId: ids[owner],
            series: 'F',
            folio,
            issueDate: '2026-10-01',
            dueDate: `2026-10-${folio.padStart(2, '0')}`,
            currency,
            totalMinor,
          },
          tenant.auth,
        ),
      );
      invoiceIds[folio] = invoice!.id;
    }
    return { ...tenant, customers: ids, invoices: invoiceIds };
  };

  const balances = async (tenantId: string) => {
    const { rows } = await server.sql.query<{ folio: string; balance: string }>(
      `select folio, balance_minor::text as balance from receivables.invoices where tenant_id = $1 order by folio`,
      [tenantId],
    );
    return Object.fromEntries(rows.map((r) => [r.folio, r.balance]));
  };

  const paymentCount = async (tenantId: string) => {
    const { rows } = await server.sql.query(
      `select count(*)::int as n from receivables.payments where tenant_id = $1`,
      [tenantId],
    );
    return rows[0].n as number;
  };

  it('records the good rows of every chunk and reports each bad one with its position in the stream and field', async () => {
    const { id, auth } = await ledger([
      ['1', '10000'],
      ['2', '5000'],
      ['3', '8000'],
      ['4', '900', 'ERP-2'],
      ['5', '700', 'ERP-1', 'USD'],
    ]);
    const result = await importPayments(auth, [
      chunk([
        row('PAY-1', [F('1', '4000'), F('2', '5000')]), // 0
        row('PAY-2', [F('nope', '1')]), // 1
        row('PAY-3', [F('1', '7000')]), // 2: more than the 6000 left
      ]),
      chunk([]), // an empty chunk is no row
      chunk([
        row('PAY-4', [], { customerExternalId: 'nobody', amountMinor: '1' }), // 3
        row('PAY-5', [F('3', '1000')], { date: '2026-02-30' }), // 4
        row('PAY-6', [F('3', '0')], { amountMinor: '100' }), // 5
        row('PAY-7', [], { amountMinor: '0' }), // 6
        row('PAY-8', [F('4', '100')]), // 7: ERP-2's invoice
        row('PAY-9', [F('5', '100')]), // 8: a USD invoice for an MXN payment
        row('PAY-10', [F('3', '100'), F('3', '100')]), // 9
        row('PAY-11', [F('3', '100')], { amountMinor: '50' }), // 10
        row('', [F('3', '100')]), // 11
        row('PAY-12', [F('3', '3000')]), // 12
      ]),
    ]);
    expect(result.errors.map((e) => [Number(e.row), e.field])).toEqual([
      [1, 'allocations[0].folio'],
      [2, 'allocations[0].amount_minor'],
      [3, 'customer_external_id'],
      [4, 'date'],
      [5, 'allocations[0].amount_minor'],
      [6, 'amount_minor'],
      [7, 'allocations[0].folio'],
      [8, 'allocations[0].folio'],
      [9, 'allocations'],
      [10, 'allocations'],
      [11, 'external_id'],
    ]);
    expect(result.errors.find((e) => e.row === '8')?.description).toBe('is in USD, the payment in MXN');
    expect(result).toMatchObject({ recorded: '2', replays: '0' });
    expect(await balances(id)).toEqual({ '1': '6000', '2': '0', '3': '5000', '4': '900', '5': '700' });
  });

  it('replays a file sent again, refuses a different payment under a recorded id, and changes nothing twice', async () => {
    const { id, auth } = await ledger([
      ['1', '10000'],
      ['2', '5000'],
    ]);
    const file = [
      chunk([row('R-1', [F('1', '1000')]), row('R-2', [F('2', '5000')])]),
      chunk([row('R-3', [F('1', '2000')]), row('R-1', [F('1', '1000')])]), // R-1 twice in one file
    ];
    expect(await importPayments(auth, file)).toMatchObject({ recorded: '3', replays: '1', errors: [] });
    const after = await balances(id);
    expect(after).toEqual({ '1': '7000', '2': '0' });
    expect(await importPayments(auth, file)).toMatchObject({ recorded: '0', replays: '4', errors: [] });
    const different = await importPayments(auth, [chunk([row('R-1', [F('1', '1500')])])]);
    expect(different.errors).toEqual([
      { row: '0', field: 'external_id', description: 'a different payment has this external id' },
    ]);
    expect(await balances(id)).toEqual(after);
    expect(await paymentCount(id)).toBe(3);
  });

  it('applies rows that name no invoices as the tenant says: oldest due first, the rest as credit', async () => {
    const { id, auth, customers } = await ledger([
      ['2', '500'],
      ['1', '300'],
    ]);
    const result = await importPayments(auth, [chunk([row('O-1', [], { amountMinor: '1000' })])]);
    expect(result).toMatchObject({ recorded: '1', errors: [] });
    expect(await balances(id)).toEqual({ '1': '0', '2': '0' });
    const { credits } = await call(server.client.getCustomerCredit({ customerId: customers['ERP-1'] }, auth));
    expect(credits.map((c) => [c.currency, c.creditMinor])).toEqual([['MXN', '200']]);
    expect(await invoicesThatDoNotAddUp(server.sql)).toEqual([]);
    expect(await paymentsThatDoNotAddUp(server.sql)).toEqual([]);
  });

  it('still reads a message of the first form (one row, no chunk) as one row, counted in place', async () => {
    const { id, auth } = await ledger([['1', '10000']]);
    const first = row('L-1', [F('1', '100')]);
    const result = await importPayments(auth, [
      chunk([row('L-0', [F('1', '100')]), row('L-bad', [F('1', '1')], { currency: 'XX' })]), // 0, 1
      { ...first, rows: [] }, // 2
      chunk([row('L-2', [F('1', '100')], { date: 'yesterday' })]), // 3
    ]);
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      ['1', 'currency'],
      ['3', 'date'],
    ]);
    expect(result.recorded).toBe('2');
    expect(await balances(id)).toEqual({ '1': '9800' });
  });

  it("another tenant's key reaches none of this tenant's customers or invoices, and no key writes nothing", async () => {
    const a = await ledger([['1', '10000']]);
    const b = await ledger([]); // its own ERP-1 and ERP-2, no invoices
    const result = await importPayments(b.auth, [
      chunk([row('X-1', [F('1', '100')]), row('X-2', [F('1', '100')], { customerExternalId: 'only-in-a' })]),
    ]);
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      ['0', 'allocations[0].folio'],
      ['1', 'customer_external_id'],
    ]);
    expect(await balances(a.id)).toEqual({ '1': '10000' });
    expect(await paymentCount(a.id)).toBe(0);
    expect(await paymentCount(b.id)).toBe(0);

    let error: ServiceError | undefined;
    await importPayments(apiKeyMetadata('chq_nope'), [chunk([row('X-3', [F('1', '100')])])]).catch(
      (e: ServiceError) => (error = e),
    );
    expect(error?.code).toBe(status.UNAUTHENTICATED);
    expect(await balances(a.id)).toEqual({ '1': '10000' });
  });
});
