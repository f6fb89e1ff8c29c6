import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { firstValueFrom, from } from 'rxjs';
import type { SchedulerStack } from './scheduler-stack';

/** The ledger facts a scheduler test needs, written through receivables' API. */
export class Ledger {
  constructor(
    private readonly stack: SchedulerStack,
    private readonly auth: Metadata,
  ) {}

  async customer(
    externalId: string,
    options: { contact?: boolean; timeZone?: string; delinquencyLimitDays?: number } = {},
  ): Promise<string> {
    const contacts =
      options.contact === false
        ? []
        : [
            {
              name: 'Cuentas por pagar',
              email: `${externalId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.com`,
              role: 'finanzas',
              receivesReminders: true,
            },
          ];
    const { customer } = await firstValueFrom(
      this.stack.receivables.createCustomer(
        {
          externalId,
          legalName: externalId,
          taxId: '',
          timeZone: options.timeZone ?? '',
          locale: '',
          contacts,
          delinquencyLimitDays: options.delinquencyLimitDays,
        },
        this.auth,
      ),
    );
    return customer!.id;
  }

  async invoice(
    customerId: string,
    folio: string,
    dueDate: string,
    totalMinor = '100000',
    currency = 'MXN',
    issueDate = '2026-01-01',
  ) {
    const { invoice } = await firstValueFrom(
      this.stack.receivables.createInvoice(
        { customerId, series: 'F', folio, issueDate, dueDate, currency, totalMinor },
        this.auth,
      ),
    );
    return invoice!;
  }

  /** Many invoices in one stream, one per customer external id given. */
  async importInvoices(rows: { customerExternalId: string; folio: string; dueDate: string }[]): Promise<void> {
    const invoiceRows: receivables.InvoiceRow[] = rows.map((row) => ({
      ...row,
      series: 'F',
      issueDate: '2026-01-01',
      currency: 'MXN',
      totalMinor: '100000',
    }));
    const chunks: receivables.ImportInvoicesRequest[] = [];
    for (let i = 0; i < invoiceRows.length; i += 500) chunks.push({ rows: invoiceRows.slice(i, i + 500) });
    const result = await firstValueFrom(this.stack.receivables.importInvoices(from(chunks), this.auth));
    if (result.errors.length) throw new Error(`import refused rows: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }

  async pay(customerId: string, invoiceId: string, amountMinor: string, date: string, currency = 'MXN') {
    await firstValueFrom(
      this.stack.receivables.recordPayment(
        {
          externalId: `pay-${invoiceId}-${amountMinor}`,
          customerId,
          date,
          currency,
          amountMinor,
          allocations: [{ invoiceId, amountMinor }],
        },
        this.auth,
      ),
    );
  }
}

/** A protobuf Timestamp for an ISO instant. */
export const instant = (iso: string) => ({ seconds: String(Date.parse(iso) / 1000), nanos: 0 });

/** Every day from `from` to `to` (inclusive), as YYYY-MM-DD. */
export function days(from: string, to: string): string[] {
  const list: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    list.push(new Date(t).toISOString().slice(0, 10));
  }
  return list;
}
