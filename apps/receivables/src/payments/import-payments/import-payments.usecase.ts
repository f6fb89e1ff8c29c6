import { receivables } from '@chasqui/contracts';
import { DomainError, parseRequest } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../../database/orm-settings';
import { recordPaymentCommand } from '../record-payment/record-payment.command';
import { RecordPaymentUseCase } from '../record-payment/record-payment.usecase';

/**
 * Payments from an ERP file, one row at a time through RecordPayment (each its
 * own transaction, idempotent by external id), so a bad row never holds back
 * the good ones and a re-run only replays.
 */
@Injectable()
export class ImportPaymentsUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly recordPayment: RecordPaymentUseCase,
  ) {}

  async execute(
    tenantId: string,
    rows: AsyncIterable<receivables.ImportPaymentsRequest>,
  ): Promise<receivables.ImportPaymentsResponse> {
    let recorded = 0;
    let replays = 0;
    const errors: receivables.RowError[] = [];
    const fail = (row: number, field: string, description: string) => {
      if (errors.length < 10_000) errors.push({ row: String(row), field, description });
    };
    let row = -1;
    for await (const request of rows) {
      row++;
      try {
        const customerId = await this.customerId(tenantId, request.customerExternalId);
        if (!customerId) {
          fail(row, 'customer_external_id', 'no customer has this external id');
          continue;
        }
        const invoiceIds = await this.invoiceIds(tenantId, request.allocations);
        const missing = request.allocations.findIndex((_, i) => !invoiceIds[i]);
        if (missing >= 0) {
          fail(row, `allocations[${missing}].folio`, 'no invoice has this series and folio');
          continue;
        }
        const command = parseRequest(
          recordPaymentCommand,
          {
            tenantId,
            externalId: request.externalId,
            customerId,
            date: request.date,
            currency: request.currency,
            amountMinor: request.amountMinor,
            allocations: request.allocations.map((a, i) => ({ invoiceId: invoiceIds[i], amountMinor: a.amountMinor })),
          },
          'PAYMENT.INVALID',
        );
        const result = await this.recordPayment.execute(command);
        if (result.replay) replays++;
        else recorded++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.violations.length === 0) fail(row, '', error.message);
        for (const v of error.violations) fail(row, v.field, v.description);
      }
    }
    return { recorded: String(recorded), replays: String(replays), errors };
  }

  private async customerId(tenantId: string, externalId: string): Promise<string | undefined> {
    const [row] = await this.orm.em
      .fork()
      .execute<{ id: string }[]>(`select id from ${SCHEMA}.customers where tenant_id = ? and external_id = ?`, [
        tenantId,
        externalId,
      ]);
    return row?.id;
  }

  /** The invoice id of each allocation, '' where none matches. */
  private async invoiceIds(tenantId: string, allocations: receivables.InvoiceAllocation[]): Promise<string[]> {
    if (allocations.length === 0) return [];
    const rows = await this.orm.em.fork().execute<{ id: string; series: string; folio: string }[]>(
      `select i.id, i.series, i.folio from ${SCHEMA}.invoices i
         join jsonb_to_recordset(?::jsonb) as k(series text, folio text) on k.series = i.series and k.folio = i.folio
        where i.tenant_id = ?`,
      [JSON.stringify(allocations.map((a) => ({ series: a.series, folio: a.folio }))), tenantId],
    );
    const byKey = new Map(rows.map((r) => [`${r.series}\u0000${r.folio}`, r.id]));
    return allocations.map((a) => byKey.get(`${a.series}\u0000${a.folio}`) ?? '');
  }
}
