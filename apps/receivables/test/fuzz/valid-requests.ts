import { receivables } from '@chasqui/contracts';
import type { Rng } from './rng';
import { validTaxId } from './values';
import { TENANT_PROFILES, type FuzzCustomer, type FuzzInvoice, type FuzzTenant } from './world';

const NAMES = ['Abarrotes Doña Rosa', 'Constructora del Norte', 'Panadería Ñuñoa', 'Agrícola Los Andes', 'Café Öko'];
const REASONS = ['devolución', 'descuento por pronto pago', 'incobrable', '', 'ajuste de precio'];
const SCOPES = Object.values(receivables.StatementScope);
const HOT_SHARE = 0.4;

/** Requests the ledger should accept, amounts kept small so many of them fit in each invoice's balance. */
export class ValidRequests {
  private seq = 0;

  constructor(private readonly rng: Rng) {}

  tenant(): receivables.CreateTenantRequest {
    const { request } = this.rng.pick(TENANT_PROFILES);
    const settings = this.rng.chance(0.5)
      ? undefined
      : {
          defaultPaymentTermDays: this.rng.int(0, 120),
          centsToleranceMinor: String(this.rng.int(0, 100)),
          pastInvoicesStartDate: this.rng.chance(0.5) ? '' : this.rng.date(),
          newInvoicesStartDate: '',
          requireAttachments: this.rng.chance(0.2),
        };
    return { ...request, name: `${request.name} ${this.next()}`, taxId: '', settings };
  }

  customer(tenant: FuzzTenant): receivables.CreateCustomerRequest {
    const n = this.next();
    return {
      externalId: `C-${n}`,
      legalName: `${this.rng.pick(NAMES)} ${n}`,
      taxId: validTaxId(this.rng, tenant.country),
      timeZone: this.rng.pick(['', 'America/Mexico_City', 'America/Santiago', 'UTC']),
      locale: this.rng.pick(['', 'es-MX', 'es', 'en-US']),
      contacts: Array.from({ length: this.rng.int(0, 2) }, (_, i) => ({
        name: `Cobranza ${i}`,
        email: `cobranza${n}.${i}@example.com`,
        role: 'billing',
        receivesReminders: this.rng.chance(0.7),
      })),
      creditDays: this.rng.chance(0.5) ? this.rng.int(0, 90) : undefined,
      delinquencyLimitDays: this.rng.chance(0.3) ? this.rng.int(1, 365) : undefined,
    };
  }

  invoice(tenant: FuzzTenant, customer: FuzzCustomer): receivables.CreateInvoiceRequest {
    const issueDate = this.rng.date();
    return {
      customerId: customer.id,
      series: this.rng.pick(['A', 'B', 'FAC', '']),
      folio: String(this.next()),
      issueDate,
      dueDate: this.rng.chance(0.3) ? '' : addDays(issueDate, this.rng.int(0, 120)),
      currency: this.rng.pick(tenant.currencies),
      totalMinor: String(this.rng.int(1_000, 5_000_000)),
    };
  }

  /**
   * Up to four of the customer's invoices in one currency; now and then one paid in full, so payments race for it;
   * now and then none, so the payment is applied oldest first and its rest races with new invoices for the credit.
   */
  payment(customer: FuzzCustomer): receivables.RecordPaymentRequest {
    const currency = this.rng.pick(customer.invoices).currency;
    const candidates = customer.invoices.filter((i) => i.currency === currency);
    const named = this.rng.chance(0.8);
    const allocations = !named
      ? []
      : this.rng.sample(candidates, this.rng.int(1, Math.min(4, candidates.length))).map((invoice) => ({
          invoiceId: invoice.id,
          amountMinor: String(this.rng.chance(0.03) ? invoice.totalMinor : this.small(invoice)),
        }));
    const allocated = allocations.reduce((sum, a) => sum + Number(a.amountMinor), 0);
    const unapplied = !named ? this.rng.int(1_000, 500_000) : this.rng.chance(0.3) ? this.rng.int(1, 5_000) : 0;
    return {
      externalId: `P-${this.next()}`,
      customerId: customer.id,
      date: this.rng.date(),
      currency,
      amountMinor: String(allocated + unapplied),
      allocations,
    };
  }

  creditNote(invoice: FuzzInvoice): receivables.RecordCreditNoteRequest {
    return {
      externalId: `NC-${this.next()}`,
      invoiceId: invoice.id,
      date: this.rng.date(),
      amountMinor: String(this.small(invoice)),
      reason: this.rng.pick(REASONS),
    };
  }

  /** Mostly a small part of the balance; sometimes (no amount) all of it. */
  writeOff(invoice: FuzzInvoice): receivables.WriteOffRequest {
    return {
      externalId: `WO-${this.next()}`,
      invoiceId: invoice.id,
      date: this.rng.date(),
      amountMinor: this.rng.chance(0.1) ? undefined : String(this.small(invoice)),
      reason: this.rng.pick(REASONS),
    };
  }

  statement(customer: FuzzCustomer): receivables.GetStatementRequest {
    return { customerId: customer.id, asOf: this.rng.date(), scope: this.rng.pick(SCOPES) };
  }

  /** A customer to act for: often the tenant's first, so concurrent requests pile onto the same invoices. */
  customerOf(tenant: FuzzTenant): FuzzCustomer {
    return this.rng.chance(HOT_SHARE) ? tenant.customers[0] : this.rng.pick(tenant.customers);
  }

  private small(invoice: FuzzInvoice): number {
    return this.rng.int(1, Math.max(1, Math.floor(invoice.totalMinor / 40)));
  }

  private next(): number {
    return ++this.seq;
  }
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
