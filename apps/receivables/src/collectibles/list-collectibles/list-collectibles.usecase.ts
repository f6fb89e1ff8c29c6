import { receivables } from '@chasqui/contracts';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ListCollectiblesCommand, StepWindow } from './list-collectibles.command';

const PAGE = 2000;

/**
 * Collectible invoices — open above the tenant's cents tolerance, not
 * disputed, not due before its "past invoices" start date — in the windows
 * asked for, in due-date order, a page per message. One query read through a
 * cursor, in one read-only transaction (one snapshot, one plan): a million
 * rows stream in 500 messages, never as one giant result, and a selective
 * window is filtered once rather than once per page.
 */
@Injectable()
export class ListCollectiblesUseCase {
  constructor(private readonly orm: MikroORM) {}

  async *execute(command: ListCollectiblesCommand): AsyncGenerator<receivables.ListCollectiblesResponse> {
    const em = this.orm.em.fork();
    const windows = windowsClause(command);
    await em.begin({ readOnly: true });
    try {
      // A stream abandoned mid-way ends its transaction at the next page; should that never come, the server does.
      await em.execute(`set local idle_in_transaction_session_timeout = '5min'`);
      await em.execute(
        `declare collectibles no scroll cursor for
         select i.id, i.customer_id, i.series, i.folio, i.issue_date::text as issue_date, i.due_date::text as due_date,
                i.currency, t.country, to_char(i.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as updated_at,
                to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as entered_at,
                c.legal_name, c.tax_id, coalesce(c.delinquency_limit_days, 0) as delinquency_limit_days,
                i.balance_minor::text as balance_minor, coalesce(c.time_zone, t.time_zone) as time_zone,
                exists (select 1 from receivables.contacts k
                         where k.customer_id = c.id and k.receives_reminders and not k.undeliverable) as reachable,
                array(select distinct k.role from receivables.contacts k
                       where k.customer_id = c.id and k.receives_reminders and not k.undeliverable) as roles,
                (i.has_xml or not t.require_attachments) as documents_ready
           from receivables.invoices i
           join receivables.customers c on c.id = i.customer_id
           join receivables.tenants t on t.id = i.tenant_id
          where i.tenant_id = ? and i.balance_minor > 0 and not i.in_dispute -- the partial index's own predicate
            and i.balance_minor > t.cents_tolerance_minor
            and (t.past_invoices_start_date is null or i.due_date >= t.past_invoices_start_date)
            and ${windows.sql}
            and (? = '' or ((i.issue_date >= ?::date or i.updated_at > nullif(?, '')::timestamptz)
                 and (t.new_invoices_start_date is null or i.issue_date >= t.new_invoices_start_date)))
            and (? = '' or i.customer_id = ?::uuid)
            ${command.invoiceIds.length > 0 ? 'and i.id = any(?::uuid[])' : ''}
          order by i.due_date, i.id`,
        [
          command.tenantId,
          ...windows.params,
          command.issuedFrom,
          command.issuedFrom || null,
          command.changedSince,
          command.customerId,
          command.customerId || null,
          ...(command.invoiceIds.length > 0 ? [`{${command.invoiceIds.join(',')}}`] : []),
        ],
      );
      for (;;) {
        const rows: Row[] = await em.execute(`fetch ${PAGE} from collectibles`);
        if (rows.length > 0) yield { collectibles: rows.map(toCollectible) };
        if (rows.length < PAGE) return;
      }
    } finally {
      await em.rollback();
    }
  }
}

function toCollectible(row: Row): receivables.Collectible {
  return {
    invoiceId: row.id,
    customerId: row.customer_id,
    number: row.series ? `${row.series}-${row.folio}` : row.folio,
    dueDate: row.due_date,
    currency: row.currency,
    balanceMinor: row.balance_minor,
    timeZone: row.time_zone,
    hasDeliverableContact: row.reachable,
    reminderContactRoles: row.roles,
    documentsReady: row.documents_ready,
    country: row.country,
    issueDate: row.issue_date,
    customerName: row.legal_name,
    customerTaxId: row.tax_id,
    delinquencyLimitDays: row.delinquency_limit_days,
    updatedAt: row.updated_at,
    enteredAt: row.entered_at,
  };
}

/**
 * The due-date window and the step window, or a change since the instant
 * asked for. A step window keeps an invoice when some n = k × every (n = 0
 * when every is 0) lies in [x, y], x and y being the window's ends counted
 * in days from due + from: the first multiple of every at or after max(x, 0)
 * is not past y. A zoned window narrows the ends to each invoice's zone.
 */
function windowsClause(command: ListCollectiblesCommand): { sql: string; params: unknown[] } {
  const dueWindow = `(? = '' or i.due_date >= ?::date) and (? = '' or i.due_date <= ?::date)`;
  const params: unknown[] = [command.dueFrom, command.dueFrom || null, command.dueTo, command.dueTo || null];
  let sql = dueWindow;
  if (command.stepWindow) {
    const { onOrAfter, onOrBefore, fromDays, everyDays, zoned }: StepWindow = command.stepWindow;
    const step = stepClause(fromDays, everyDays, '?::date', '?::date');
    sql += ` and ${step.sql}`;
    params.push(...step.params(onOrAfter, onOrBefore));
    if (zoned) {
      const zonedStep = stepClause(fromDays, everyDays, zonedEnd('after', zoned), zonedEnd('by', zoned));
      sql += ` and ${zonedStep.sql}`;
      params.push(...zonedStep.params(zoned.after, zoned.by));
    }
  }
  if (!command.changedSince) return { sql: `(${sql})`, params };
  return { sql: `((${sql}) or i.updated_at > ?::timestamptz)`, params: [...params, command.changedSince] };
}

/** Whether a step date lies between two window ends (SQL date expressions, each with one parameter). */
function stepClause(fromDays: number, everyDays: number, first: string, last: string) {
  // Days from due + from to a window end.
  const days = (end: string) => `(${end} - i.due_date - ${fromDays})`;
  const [x, y] = [days(first), days(last)];
  return everyDays === 0
    ? { sql: `${x} <= 0 and ${y} >= 0`, params: (a: unknown, b: unknown) => [a, b] }
    : {
        sql: `greatest(${x}, 0) + (${everyDays} - greatest(${x}, 0) % ${everyDays}) % ${everyDays} <= ${y}`,
        params: (a: unknown, b: unknown) => [a, a, b],
      };
}

/**
 * A zoned window's end as a local date of the invoice's zone: the first date
 * whose send hour comes after `after`, the last whose send hour comes by `by`
 * — two hours wider each way, for wall clocks a daylight-saving change moved,
 * and the first earlier by the days a business-day shift may add.
 */
function zonedEnd(end: 'after' | 'by', zoned: NonNullable<StepWindow['zoned']>): string {
  const local = `(?::timestamptz at time zone coalesce(c.time_zone, t.time_zone))`;
  return end === 'after'
    ? `((${local} - interval '${zoned.sendHour + 2} hours')::date + ${1 - zoned.shiftDays})`
    : `((${local} - interval '${zoned.sendHour - 2} hours')::date)`;
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
  entered_at: string;
  roles: string[];
  currency: string;
  balance_minor: string;
  time_zone: string;
  reachable: boolean;
  documents_ready: boolean;
}
