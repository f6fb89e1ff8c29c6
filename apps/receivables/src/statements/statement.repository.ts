import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Contact } from '../customers/contact.entity';
import type { Customer } from '../customers/customer.entity';
import { SCHEMA } from '../database/orm-settings';
import { invoiceNumber } from '../invoices/invoice.entity';
import type { Tenant } from '../tenants/tenant.entity';
import type { OpenDocument } from './statement';

/** The company as a statement shows it (never its API key's hash). */
export type TenantProfile = Omit<Tenant, 'apiKeyHash' | 'createdAt'>;
/** The customer as a statement shows it. */
export type CustomerProfile = Omit<Customer, 'createdAt'>;
/** A contact as a statement shows it. */
export type ContactProfile = Omit<Contact, 'tenantId' | 'customerId'>;

/** What a statement is made of, read at one instant. */
export interface StatementSource {
  tenant: TenantProfile;
  customer: CustomerProfile;
  contacts: ContactProfile[];
  /** Open invoices (balance > 0), by due date, series and folio. */
  documents: OpenDocument[];
}

interface SourceRow {
  tenant: TenantProfile;
  customer: CustomerProfile;
  contacts: ContactProfile[];
  invoices: Array<Omit<OpenDocument, 'number' | 'invoiceId'> & { id: string; series: string; folio: string }>;
}

/**
 * A customer's statement sources in one statement and one round trip: the
 * renderer reads one per reminder, so the hot path pays for one query, not
 * four (and hydrates no entities: a statement changes nothing).
 */
@Injectable()
export class StatementRepository {
  constructor(private readonly orm: MikroORM) {}

  async read(tenantId: string, customerId: string): Promise<StatementSource | undefined> {
    const rows: SourceRow[] = await this.orm.em.fork().execute(
      `select
         json_build_object(
           'id', t.id, 'name', t.name, 'country', t.country, 'timeZone', t.time_zone,
           'defaultCurrency', t.default_currency, 'locale', t.locale, 'taxId', t.tax_id,
           'defaultPaymentTermDays', t.default_payment_term_days,
           'centsToleranceMinor', t.cents_tolerance_minor::text,
           'pastInvoicesStartDate', t.past_invoices_start_date::text,
           'newInvoicesStartDate', t.new_invoices_start_date::text,
           'requireAttachments', t.require_attachments, 'paymentAllocation', t.payment_allocation) as tenant,
         json_build_object(
           'id', c.id, 'tenantId', c.tenant_id, 'externalId', c.external_id, 'legalName', c.legal_name,
           'taxId', c.tax_id, 'timeZone', c.time_zone, 'locale', c.locale, 'creditDays', c.credit_days,
           'delinquencyLimitDays', c.delinquency_limit_days) as customer,
         (select coalesce(json_agg(json_build_object(
                   'id', k.id, 'name', k.name, 'email', k.email, 'role', k.role,
                   'receivesReminders', k.receives_reminders, 'undeliverable', k.undeliverable,
                   'undeliverableReason', k.undeliverable_reason) order by k.name), '[]')
            from ${SCHEMA}.contacts k
           where k.tenant_id = c.tenant_id and k.customer_id = c.id) as contacts,
         (select coalesce(json_agg(json_build_object(
                   'id', i.id, 'series', i.series, 'folio', i.folio,
                   'issueDate', i.issue_date::text, 'dueDate', i.due_date::text, 'currency', i.currency,
                   'totalMinor', i.total_minor::text, 'balanceMinor', i.balance_minor::text)
                   order by i.due_date, i.series, i.folio), '[]')
            from ${SCHEMA}.invoices i
           where i.tenant_id = c.tenant_id and i.customer_id = c.id and i.balance_minor > 0) as invoices
       from ${SCHEMA}.customers c
       join ${SCHEMA}.tenants t on t.id = c.tenant_id
      where c.tenant_id = ? and c.id = ?`,
      [tenantId, customerId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const { invoices, ...rest } = row;
    return {
      ...rest,
      documents: invoices.map(({ id, series, folio, ...invoice }) => ({
        ...invoice,
        invoiceId: id,
        number: invoiceNumber({ series, folio }),
      })),
    };
  }
}
