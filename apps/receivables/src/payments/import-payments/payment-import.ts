import { receivables } from '@chasqui/contracts';
import { DomainError, type FieldViolation } from '@chasqui/errors';
import type { MikroORM } from '@mikro-orm/postgresql';
import { SCHEMA } from '../../database/orm-settings';
import type { RecordPaymentUseCase } from '../record-payment/record-payment.usecase';
import { paymentRow, type PaymentRow } from './import-payments.command';

/** Enough to fix a file; a stream of garbage must not grow the answer without bound. */
const MAX_ERRORS = 10_000;

/**
 * One payment import in progress: rows arrive in chunks; the chunk's customers
 * and invoices are looked up together, then each row is recorded on its own
 * through RecordPayment (its own transaction, idempotent by external id), so a
 * bad row never holds back the good ones and a re-run only replays.
 */
export class PaymentImport {
  private recorded = 0;
  private replays = 0;
  private readonly errors: receivables.RowError[] = [];
  private readonly customers = new Map<string, string | null>();

  constructor(
    private readonly orm: MikroORM,
    private readonly recordPayment: RecordPaymentUseCase,
    private readonly tenantId: string,
  ) {}

  async add(chunk: { row: number; request: unknown }[]): Promise<void> {
    const valid: { row: number; data: PaymentRow }[] = [];
    for (const { row, request } of chunk) {
      const parsed = paymentRow.safeParse(request);
      if (parsed.success) valid.push({ row, data: parsed.data });
      else for (const issue of parsed.error.issues) this.fail(row, protoPath(issue.path), issue.message);
    }
    await this.resolveCustomers(valid.map((v) => v.data.customerExternalId));
    const invoiceIds = await this.invoiceIds(valid.map((v) => v.data));
    for (const { row, data } of valid) {
      const customerId = this.customers.get(data.customerExternalId);
      if (!customerId) {
        this.fail(row, 'customer_external_id', 'no customer has this external id');
        continue;
      }
      const ids = data.allocations.map((a) => invoiceIds.get(invoiceKey(customerId, a.series, a.folio)));
      const missing = ids.findIndex((id) => !id);
      if (missing >= 0) {
        this.fail(row, `allocations[${missing}].folio`, 'no invoice of this customer has this series and folio');
        continue;
      }
      try {
        const result = await this.recordPayment.execute({
          tenantId: this.tenantId,
          externalId: data.externalId,
          customerId,
          date: data.date,
          currency: data.currency,
          amountMinor: data.amountMinor,
          allocations: data.allocations.map((a, i) => ({ invoiceId: ids[i]!, amountMinor: a.amountMinor })),
        });
        if (result.replay) this.replays++;
        else this.recorded++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.violations.length === 0) this.fail(row, '', error.message);
        for (const v of error.violations) this.fail(row, asRowField(v), v.description);
      }
    }
  }

  result(): receivables.ImportPaymentsResponse {
    // In the order of the file (a chunk's malformed rows are found before its others are recorded).
    const errors = [...this.errors].sort((a, b) => Number(a.row) - Number(b.row));
    return { recorded: String(this.recorded), replays: String(this.replays), errors };
  }

  private async resolveCustomers(externalIds: string[]): Promise<void> {
    const missing = [...new Set(externalIds)].filter((id) => !this.customers.has(id));
    if (missing.length === 0) return;
    const rows = await this.orm.em.fork().execute<{ id: string; external_id: string }[]>(
      `select id, external_id from ${SCHEMA}.customers
        where tenant_id = ? and external_id in (select jsonb_array_elements_text(?::jsonb))`,
      [this.tenantId, JSON.stringify(missing)],
    );
    for (const id of missing) this.customers.set(id, null);
    for (const row of rows) this.customers.set(row.external_id, row.id);
  }

  /** The invoices the chunk names, each only among its own customer's. */
  private async invoiceIds(rows: PaymentRow[]): Promise<Map<string, string>> {
    const keys = rows.flatMap((r) => {
      const customerId = this.customers.get(r.customerExternalId);
      return customerId
        ? r.allocations.map((a) => ({ customer_id: customerId, series: a.series, folio: a.folio }))
        : [];
    });
    if (keys.length === 0) return new Map();
    const found = await this.orm.em
      .fork()
      .execute<{ id: string; customer_id: string; series: string; folio: string }[]>(
        `select i.id, i.customer_id, i.series, i.folio from ${SCHEMA}.invoices i
         join (select distinct * from jsonb_to_recordset(?::jsonb) as k(customer_id uuid, series text, folio text)) k
           on k.customer_id = i.customer_id and k.series = i.series and k.folio = i.folio
        where i.tenant_id = ?`,
        [JSON.stringify(keys), this.tenantId],
      );
    return new Map(found.map((i) => [invoiceKey(i.customer_id, i.series, i.folio), i.id]));
  }

  private fail(row: number, field: string, description: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ row: String(row), field, description });
  }
}

const invoiceKey = (customerId: string, series: string, folio: string) => `${customerId}\u0000${series}\u0000${folio}`;

/** RecordPayment names ids the row does not have: the row names the customer and invoices its own way. */
function asRowField(violation: FieldViolation): string {
  if (violation.field === 'customer_id') return 'customer_external_id';
  return violation.field.replace(/^(allocations\[\d+\])\.invoice_id$/, '$1.folio');
}

function protoPath(path: PropertyKey[]): string {
  return path
    .map((part) =>
      typeof part === 'number' ? `[${part}]` : `.${String(part).replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}`,
    )
    .join('')
    .replace(/^\./, '');
}
