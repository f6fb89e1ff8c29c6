import { receivables } from '@chasqui/contracts';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ListCollectiblesCommand } from './list-collectibles.command';

const PAGE = 2000;

/**
 * Collectible invoices — open above the tenant's cents tolerance, not
 * disputed, not due before its "past invoices" start date — in the windows
 * asked for, a page per message (keyset on due date and id): a million rows
 * stream in 500 messages, never as one giant result.
 */
@Injectable()
export class ListCollectiblesUseCase {
  constructor(private readonly orm: MikroORM) {}

  async *execute(command: ListCollectiblesCommand): AsyncGenerator<receivables.ListCollectiblesResponse> {
    const em = this.orm.em.fork();
    let after: [string, string] = ['0001-01-01', '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const rows: Row[] = await em.execute(
        `select i.id, i.customer_id, i.series, i.folio, i.issue_date::text as issue_date, i.due_date::text as due_date,
                i.currency, t.country, to_char(i.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as updated_at, c.legal_name, c.tax_id, coalesce(c.delinquency_limit_days, 0) as delinquency_limit_days,
                i.balance_minor::text as balance_minor, coalesce(c.time_zone, t.time_zone) as time_zone,
                exists (select 1 from receivables.contacts k
                         where k.customer_id = c.id and k.receives_reminders and not k.undeliverable) as reachable,
                (i.has_xml or not t.require_attachments) as documents_ready
           from receivables.invoices i
           join receivables.customers c on c.id = i.customer_id
           join receivables.tenants t on t.id = i.tenant_id
          where i.tenant_id = ? and i.balance_minor > 0 and not i.in_dispute -- the partial index's own predicate
            and i.balance_minor > t.cents_tolerance_minor
            and (t.past_invoices_start_date is null or i.due_date >= t.past_invoices_start_date)
            and (? = '' or i.due_date >= ?::date) and (? = '' or i.due_date <= ?::date)
            and (? = '' or (i.issue_date >= ?::date
                 and (t.new_invoices_start_date is null or i.issue_date >= t.new_invoices_start_date)))
            and (? = '' or i.customer_id = ?::uuid)
            and (i.due_date, i.id) > (?::date, ?::uuid)
          order by i.due_date, i.id
          limit ${PAGE}`,
        [
          command.tenantId,
          command.dueFrom,
          command.dueFrom || null,
          command.dueTo,
          command.dueTo || null,
          command.issuedFrom,
          command.issuedFrom || null,
          command.customerId,
          command.customerId || null,
          ...after,
        ],
      );
      if (rows.length > 0)
        yield {
          collectibles: rows.map((row) => ({
            invoiceId: row.id,
            customerId: row.customer_id,
            number: row.series ? `${row.series}-${row.folio}` : row.folio,
            dueDate: row.due_date,
            currency: row.currency,
            balanceMinor: row.balance_minor,
            timeZone: row.time_zone,
            hasDeliverableContact: row.reachable,
            documentsReady: row.documents_ready,
            country: row.country,
            issueDate: row.issue_date,
            customerName: row.legal_name,
            customerTaxId: row.tax_id,
            delinquencyLimitDays: row.delinquency_limit_days,
            updatedAt: row.updated_at,
          })),
        };
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = [last.due_date, last.id];
    }
  }
}

interface Row {
  id: string;
  customer_id: string;
  series: string;
  folio: string;
  issue_date: string;
  due_date: string;
  country: string;
  legal_name: string;
  tax_id: string;
  delinquency_limit_days: number;
  updated_at: string;
  currency: string;
  balance_minor: string;
  time_zone: string;
  reachable: boolean;
  documents_ready: boolean;
}
