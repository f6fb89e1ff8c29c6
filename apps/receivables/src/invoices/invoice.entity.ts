import { EntitySchema } from '@mikro-orm/core';

export interface Invoice {
  id: string;
  tenantId: string;
  customerId: string;
  series: string;
  folio: string;
  /** Calendar dates, YYYY-MM-DD. */
  issueDate: string;
  dueDate: string;
  currency: string;
  /** Integer minor units, as decimal strings (bigint in PostgreSQL). */
  totalMinor: string;
  balanceMinor: string;
  paidMinor: string;
  creditedMinor: string;
  writtenOffMinor: string;
  inDispute: boolean;
  hasXml: boolean;
  hasPdf: boolean;
  /** The tax authority's id (CFDI UUID) of an invoice imported from its XML. */
  fiscalId: string | null;
  createdAt: Date;
}

export const InvoiceEntity = new EntitySchema<Invoice>({
  name: 'Invoice',
  tableName: 'invoices',
  properties: {
    id: { type: 'uuid', primary: true },
    tenantId: { type: 'uuid' },
    customerId: { type: 'uuid' },
    series: { type: 'string' },
    folio: { type: 'string' },
    issueDate: { type: 'date' },
    dueDate: { type: 'date' },
    currency: { type: 'string', length: 3 },
    totalMinor: { type: 'bigint' },
    balanceMinor: { type: 'bigint' },
    paidMinor: { type: 'bigint' },
    creditedMinor: { type: 'bigint' },
    writtenOffMinor: { type: 'bigint' },
    inDispute: { type: 'boolean' },
    hasXml: { type: 'boolean' },
    hasPdf: { type: 'boolean' },
    fiscalId: { type: 'string', nullable: true },
    createdAt: { type: 'datetime' },
  },
});

export function invoiceNumber(invoice: Pick<Invoice, 'series' | 'folio'>): string {
  return invoice.series ? `${invoice.series}-${invoice.folio}` : invoice.folio;
}
