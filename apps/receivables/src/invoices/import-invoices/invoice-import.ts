import { Exchanges, MessageTypes, receivables, RoutingKeys } from '@chasqui/contracts';
import { enqueue } from '@chasqui/messaging';
import { nativeQuery } from '@chasqui/persistence';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../../database/orm-settings';
import { addDays } from '../../ledger/calendar-date';
import { toInvoiceProto } from '../../grpc/to-proto';
import { spendCreditOn } from '../../payments/customer-credit';
import { announceSettled, writeInvoiceAmounts } from '../invoice-ledger';
import type { Invoice } from '../invoice.entity';
import { importRow, type ImportRow, type RowError } from './import-invoices.command';

interface CustomerTerms {
  id: string;
  creditDays: number | null;
}

/**
 * One import in progress: rows arrive in batches; each batch is validated and
 * committed on its own (with its invoice.issued events), so good rows land
 * and every bad one is reported with its row and field. Batches may be added
 * while others are still being written.
 */
export class InvoiceImport {
  private imported = 0;
  private duplicates = 0;
  private readonly errors: RowError[] = [];
  private readonly customers = new Map<string, CustomerTerms | null>();

  constructor(
    private readonly orm: MikroORM,
    private readonly tenantId: string,
    private readonly termDays: number,
    private readonly toleranceMinor: string,
    /** Called after each committed batch: its events are waiting in the outbox. */
    private readonly committed: () => void,
  ) {}

  async add(batch: { row: number; request: unknown }[]): Promise<void> {
    const valid: { row: number; data: ImportRow }[] = [];
    for (const { row, request } of batch) {
      const parsed = importRow.safeParse(request);
      if (parsed.success) valid.push({ row, data: parsed.data });
      else for (const issue of parsed.error.issues) this.fail(row, snake(String(issue.path[0] ?? '')), issue.message);
    }
    await this.resolveCustomers(valid.map((v) => v.data.customerExternalId));
    const now = new Date();
    const invoices: Invoice[] = [];
    for (const { row, data } of valid) {
      const customer = this.customers.get(data.customerExternalId);
      if (!customer) {
        this.fail(row, 'customer_external_id', 'no customer has this external id');
        continue;
      }
      invoices.push({
        id: randomUUID(),
        tenantId: this.tenantId,
        customerId: customer.id,
        series: data.series,
        folio: data.folio,
        issueDate: data.issueDate,
        dueDate: data.dueDate || addDays(data.issueDate, customer.creditDays ?? this.termDays),
        currency: data.currency,
        totalMinor: data.totalMinor,
        balanceMinor: data.totalMinor,
        paidMinor: '0',
        creditedMinor: '0',
        writtenOffMinor: '0',
        inDispute: false,
        hasXml: false,
        hasPdf: false,
        fiscalId: null,
        createdAt: now,
      });
    }
    if (invoices.length === 0) return;
    const inserted = await this.orm.em.fork().transactional((em) => this.insert(em, invoices));
    this.committed();
    this.imported += inserted;
    this.duplicates += invoices.length - inserted;
  }

  result(): receivables.ImportInvoicesResponse {
    return {
      imported: String(this.imported),
      duplicates: String(this.duplicates),
      errors: this.errors
        .sort((a, b) => a.row - b.row)
        .map((e) => ({ row: String(e.row), field: e.field, description: e.description })),
    };
  }

  /**
   * Inserts what is new (a series + folio already there is a duplicate),
   * spends the customers' credit on it, and queues one invoices.issued event
   * listing them: a batch of an import is issued together, and one event per
   * batch keeps a million-row import from becoming a million messages.
   */
  private async insert(em: EntityManager, invoices: Invoice[]): Promise<number> {
    const rows = await nativeQuery<{ id: string }>(
      em,
      `insert into ${SCHEMA}.invoices
         (id, tenant_id, customer_id, series, folio, issue_date, due_date, currency,
          total_minor, balance_minor, paid_minor, credited_minor, written_off_minor, created_at)
       select r.id, r.tenant_id, r.customer_id, r.series, r.folio, r.issue_date, r.due_date, r.currency,
              r.total_minor, r.total_minor, 0, 0, 0, r.created_at
         from jsonb_to_recordset(?::jsonb) as r(id uuid, tenant_id uuid, customer_id uuid, series text, folio text,
              issue_date date, due_date date, currency text, total_minor bigint, created_at timestamptz)
        order by r.series, r.folio -- one order for every batch: two batches writing the same number never deadlock
       on conflict (tenant_id, series, folio) do nothing
       returning id`,
      [
        JSON.stringify(
          invoices.map((i) => ({
            id: i.id,
            tenant_id: i.tenantId,
            customer_id: i.customerId,
            series: i.series,
            folio: i.folio,
            issue_date: i.issueDate,
            due_date: i.dueDate,
            currency: i.currency,
            total_minor: i.totalMinor,
            created_at: i.createdAt.toISOString(),
          })),
        ),
      ],
    );
    const insertedIds = new Set(rows.map((r) => r.id));
    const issued = invoices.filter((invoice) => insertedIds.has(invoice.id));
    if (issued.length === 0) return 0;
    const balanceBefore = new Map(issued.map((invoice) => [invoice.id, invoice.balanceMinor]));
    const credited = await spendCreditOn(em, this.tenantId, issued);
    await writeInvoiceAmounts(em, credited);
    await enqueue(em, SCHEMA, {
      exchange: Exchanges.events,
      routingKey: RoutingKeys.invoicesIssued,
      type: MessageTypes.invoicesIssued,
      body: receivables.InvoicesIssued.encode({
        tenantId: this.tenantId,
        invoices: issued.map(toInvoiceProto),
      }).finish(),
      tenantId: this.tenantId,
      idempotencyKey: `invoices.issued:${issued[0].id}`,
    });
    await announceSettled(
      em,
      this.tenantId,
      credited.map((invoice) => ({ invoice, balanceBefore: balanceBefore.get(invoice.id)! })),
      this.toleranceMinor,
    );
    return issued.length;
  }

  private async resolveCustomers(externalIds: string[]): Promise<void> {
    const missing = [...new Set(externalIds)].filter((id) => !this.customers.has(id));
    if (missing.length === 0) return;
    const rows = await this.orm.em.fork().execute<{ id: string; external_id: string; credit_days: number | null }[]>(
      `select id, external_id, credit_days from ${SCHEMA}.customers
          where tenant_id = ? and external_id in (select jsonb_array_elements_text(?::jsonb))`,
      [this.tenantId, JSON.stringify(missing)],
    );
    for (const id of missing) this.customers.set(id, null);
    for (const row of rows) this.customers.set(row.external_id, { id: row.id, creditDays: row.credit_days });
  }

  private fail(row: number, field: string, description: string): void {
    // Enough to fix a file; a stream of garbage must not grow the answer without bound.
    if (this.errors.length < 10_000) this.errors.push({ row, field, description });
  }
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}
