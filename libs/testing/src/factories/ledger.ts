import type { Metadata } from '@grpc/grpc-js';
import type { receivables } from '@chasqui/contracts';
import { firstValueFrom, from } from 'rxjs';
import { aContact, aCustomer } from './customer.factory';
import { anInvoice, anInvoiceRow } from './invoice.factory';
import { aPaymentOf } from './payment.factory';

/**
 * Ledger facts for one tenant, written through receivables' API as an ERP
 * would (never into its tables): customers, invoices, payments, imports.
 */
export class Ledger {
  constructor(
    private readonly stack: { receivables: receivables.ReceivablesServiceClient },
    private readonly auth: Metadata,
  ) {}

  /**
   * A customer named after its external id, with one contact who receives
   * reminders at an address made from that id (none with `contact: false`); returns its id.
   */
  async customer(
    externalId: string,
    options: { contact?: boolean; timeZone?: string; delinquencyLimitDays?: number } = {},
  ): Promise<string> {
    const email = `${externalId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.com`;
    const { customer } = await firstValueFrom(
      this.stack.receivables.createCustomer(
        aCustomer({
          externalId,
          timeZone: options.timeZone ?? '',
          contacts: options.contact === false ? [] : [aContact({ email, role: 'finanzas' })],
          delinquencyLimitDays: options.delinquencyLimitDays,
        }),
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
  ): Promise<receivables.Invoice> {
    const { invoice } = await firstValueFrom(
      this.stack.receivables.createInvoice(
        anInvoice({ customerId, folio, issueDate, dueDate, currency, totalMinor }),
        this.auth,
      ),
    );
    return invoice!;
  }

  /** Many invoices in one ImportInvoices stream (chunks of 500); throws if any row is refused. */
  async importInvoices(rows: { customerExternalId: string; folio: string; dueDate: string }[]): Promise<void> {
    const invoiceRows = rows.map((row) => anInvoiceRow(row));
    const chunks: receivables.ImportInvoicesRequest[] = [];
    for (let i = 0; i < invoiceRows.length; i += 500) chunks.push({ rows: invoiceRows.slice(i, i + 500) });
    const result = await firstValueFrom(this.stack.receivables.importInvoices(from(chunks), this.auth));
    if (result.errors.length) throw new Error(`import refused rows: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }

  /** A payment of `amountMinor` allocated to one invoice. */
  async pay(customerId: string, invoiceId: string, amountMinor: string, date: string, currency = 'MXN'): Promise<void> {
    await firstValueFrom(
      this.stack.receivables.recordPayment(
        aPaymentOf({ customerId, invoiceId }, amountMinor, date, { currency }),
        this.auth,
      ),
    );
  }
}
