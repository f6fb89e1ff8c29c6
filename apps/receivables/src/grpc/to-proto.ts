import { receivables } from '@chasqui/contracts';
import type { Contact } from '../customers/contact.entity';
import type { Customer } from '../customers/customer.entity';
import { invoiceNumber, type Invoice } from '../invoices/invoice.entity';
import type { PaymentAllocation, Tenant } from '../tenants/tenant.entity';

export function toTenantProto(tenant: Omit<Tenant, 'apiKeyHash' | 'createdAt'>): receivables.Tenant {
  const { id, name, country, timeZone, defaultCurrency, locale } = tenant;
  return {
    id,
    name,
    country,
    timeZone,
    defaultCurrency,
    locale,
    taxId: tenant.taxId,
    settings: {
      defaultPaymentTermDays: tenant.defaultPaymentTermDays,
      centsToleranceMinor: tenant.centsToleranceMinor,
      pastInvoicesStartDate: tenant.pastInvoicesStartDate ?? '',
      newInvoicesStartDate: tenant.newInvoicesStartDate ?? '',
      requireAttachments: tenant.requireAttachments,
      paymentAllocation: paymentAllocations[tenant.paymentAllocation],
    },
  };
}

const paymentAllocations: Record<PaymentAllocation, receivables.PaymentAllocation> = {
  oldest_first: receivables.PaymentAllocation.PAYMENT_ALLOCATION_OLDEST_FIRST,
  as_given: receivables.PaymentAllocation.PAYMENT_ALLOCATION_AS_GIVEN,
};

export function toCustomerProto(
  customer: Omit<Customer, 'createdAt'>,
  contacts: Array<Omit<Contact, 'tenantId' | 'customerId'>>,
): receivables.Customer {
  return {
    id: customer.id,
    externalId: customer.externalId,
    legalName: customer.legalName,
    taxId: customer.taxId,
    timeZone: customer.timeZone ?? '',
    locale: customer.locale ?? '',
    contacts: contacts.map(toContactProto),
    creditDays: customer.creditDays ?? undefined,
    delinquencyLimitDays: customer.delinquencyLimitDays ?? undefined,
  };
}

export function toContactProto(contact: Omit<Contact, 'tenantId' | 'customerId'>): receivables.Contact {
  const { id, name, email, role, receivesReminders, undeliverable, undeliverableReason } = contact;
  return { id, name, email, role, receivesReminders, undeliverable, undeliverableReason: undeliverableReason ?? '' };
}

export function toInvoiceProto(invoice: Invoice): receivables.Invoice {
  return {
    id: invoice.id,
    customerId: invoice.customerId,
    series: invoice.series,
    folio: invoice.folio,
    number: invoiceNumber(invoice),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    totalMinor: invoice.totalMinor,
    balanceMinor: invoice.balanceMinor,
    paidMinor: invoice.paidMinor,
    creditedMinor: invoice.creditedMinor,
    writtenOffMinor: invoice.writtenOffMinor,
    inDispute: invoice.inDispute,
    hasXml: invoice.hasXml,
    hasPdf: invoice.hasPdf,
    fiscalId: invoice.fiscalId ?? '',
    status: statusOf(invoice),
  };
}

function statusOf(invoice: Invoice): receivables.InvoiceStatus {
  if (BigInt(invoice.balanceMinor) === 0n) {
    return BigInt(invoice.writtenOffMinor) > 0n
      ? receivables.InvoiceStatus.INVOICE_STATUS_WRITTEN_OFF
      : receivables.InvoiceStatus.INVOICE_STATUS_PAID;
  }
  if (invoice.balanceMinor !== invoice.totalMinor) return receivables.InvoiceStatus.INVOICE_STATUS_PARTIALLY_PAID;
  return receivables.InvoiceStatus.INVOICE_STATUS_OPEN;
}
