import { status, type Metadata, type ServiceError } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { apiKeyMetadata } from '@chasqui/grpc';
import { firstValueFrom, from } from 'rxjs';
import { waitFor } from '@chasqui/testing';
import { EventProbe } from './support/event-probe';
import { ReceivablesServer } from './support/receivables-server';

jest.setTimeout(120_000);

const row = (folio: string, extra: Partial<receivables.InvoiceRow> = {}): receivables.InvoiceRow => ({
  customerExternalId: 'ERP-1',
  series: 'F',
  folio,
  issueDate: '2026-10-01',
  dueDate: '2026-10-31',
  currency: 'MXN',
  totalMinor: '150000',
  ...extra,
});

describe('importing invoices from an ERP over a client stream', () => {
  const server = new ReceivablesServer();
  let auth: Metadata;

  beforeAll(async () => {
    await server.start();
    ({ auth } = await server.tenant());
    await firstValueFrom(
      server.client.createCustomer(
        {
          externalId: 'ERP-1',
          legalName: 'Constructora Del Valle',
          taxId: '',
          timeZone: '',
          locale: '',
          contacts: [],
          creditDays: 45,
        },
        auth,
      ),
    );
  });
  afterAll(() => server.stop());

  /** The rows as an ERP client sends them: chunks of up to 300 (uneven, so chunks straddle batches). */
  const importRows = (rows: receivables.InvoiceRow[], metadata = auth) => {
    const chunks: receivables.ImportInvoicesRequest[] = [];
    for (let i = 0; i < rows.length; i += 300) chunks.push({ rows: rows.slice(i, i + 300) });
    return firstValueFrom(server.client.importInvoices(from(chunks), metadata));
  };

  it('commits the good rows and reports each bad one with its row and field', async () => {
    const result = await importRows([
      row('1'),
      row('2', { totalMinor: '-5' }),
      row('3', { customerExternalId: 'nobody' }),
      row('4', { issueDate: '2026-02-30' }),
      row('5', { dueDate: '' }), // derived: issue + the customer's 45 credit days
      row('1'), // the same invoice again
    ]);
    expect(result.imported).toBe('2');
    expect(result.duplicates).toBe('1');
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      ['1', 'total_minor'],
      ['2', 'customer_external_id'],
      ['3', 'issue_date'],
    ]);
    const { rows } = await server.sql.query(
      `select folio, due_date::text as due from receivables.invoices order by folio`,
    );
    expect(rows).toEqual([
      { folio: '1', due: '2026-10-31' },
      { folio: '5', due: '2026-11-15' },
    ]);
  });

  it('imports thousands of rows across batches, one invoices.issued event per batch, and a re-run adds nothing', async () => {
    const probe = new EventProbe();
    await probe.start(server.amqpUrl, 'receivables.invoices.issued');
    const rows = Array.from({ length: 5_000 }, (_, i) => row(`B-${i}`, { totalMinor: String(100 + i) }));
    const first = await importRows(rows);
    expect(first).toMatchObject({ imported: '5000', duplicates: '0', errors: [] });
    const again = await importRows(rows);
    expect(again).toMatchObject({ imported: '0', duplicates: '5000' });
    try {
      const issued = () => probe.received.flatMap((m) => receivables.InvoicesIssued.decode(m.body).invoices);
      await waitFor(() => issued().length >= 5000, 'the batches of invoices.issued');
      // One event per committed batch (2,000 rows or so), not one per invoice.
      expect(probe.received.length).toBeLessThanOrEqual(5);
      expect(new Set(issued().map((i) => i.folio)).size).toBe(5000);
    } finally {
      await probe.stop();
    }
    const { rows: sum } = await server.sql.query(
      `select count(*)::int as n, sum(total_minor)::text as total from receivables.invoices where folio like 'B-%'`,
    );
    expect(sum[0]).toEqual({ n: 5000, total: String(5000 * 100 + (4999 * 5000) / 2) });
  });

  it('the same invoices twice in one file, in opposite orders, written by batches side by side: each lands once', async () => {
    const forward = Array.from({ length: 4_000 }, (_, i) => row(`D-${i}`));
    const result = await importRows([...forward, ...[...forward].reverse()]);
    expect(result).toMatchObject({ imported: '4000', duplicates: '4000', errors: [] });
    const { rows } = await server.sql.query(
      `select count(*)::int as n from receivables.invoices where folio like 'D-%'`,
    );
    expect(rows[0].n).toBe(4000);
  });

  it('imports payments sent in the first form of ImportPayments, one row per message', async () => {
    await importRows([row('P-1', { totalMinor: '10000' }), row('P-2', { totalMinor: '5000' })]);
    const payment = (
      externalId: string,
      allocations: receivables.InvoiceAllocation[],
      extra: Partial<receivables.ImportPaymentsRequest> = {},
    ) => ({
      externalId,
      customerExternalId: 'ERP-1',
      date: '2026-11-05',
      currency: 'MXN',
      amountMinor: allocations.reduce((sum, a) => sum + BigInt(a.amountMinor), 0n).toString(),
      allocations,
      rows: [],
      ...extra,
    });
    const rows = [
      payment('PAY-1', [
        { series: 'F', folio: 'P-1', amountMinor: '4000' },
        { series: 'F', folio: 'P-2', amountMinor: '5000' },
      ]),
      payment('PAY-2', [{ series: 'F', folio: 'nope', amountMinor: '1' }]),
      payment('PAY-3', [{ series: 'F', folio: 'P-1', amountMinor: '7000' }]), // more than the 6000 left
      payment('PAY-4', [], { customerExternalId: 'nobody', amountMinor: '1' }),
      payment('PAY-1', [
        { series: 'F', folio: 'P-1', amountMinor: '4000' },
        { series: 'F', folio: 'P-2', amountMinor: '5000' },
      ]),
    ];
    const result = await firstValueFrom(server.client.importPayments(from(rows), auth));
    expect(result.recorded).toBe('1');
    expect(result.replays).toBe('1');
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      ['1', 'allocations[0].folio'],
      ['2', 'allocations[0].amount_minor'],
      ['3', 'customer_external_id'],
    ]);
    const { rows: balances } = await server.sql.query(
      `select folio, balance_minor::text as balance from receivables.invoices where folio in ('P-1', 'P-2') order by folio`,
    );
    expect(balances).toEqual([
      { folio: 'P-1', balance: '6000' },
      { folio: 'P-2', balance: '0' },
    ]);
  });

  it('refuses an import without a valid API key, writing nothing', async () => {
    let error: ServiceError | undefined;
    await importRows([row('X-1')], apiKeyMetadata('chq_nope')).catch((e: ServiceError) => (error = e));
    expect(error?.code).toBe(status.UNAUTHENTICATED);
    const { rows } = await server.sql.query(`select count(*)::int as n from receivables.invoices where folio = 'X-1'`);
    expect(rows[0].n).toBe(0);
  });
});
