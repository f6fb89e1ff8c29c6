import { AlreadyExists, InvalidArgument, NotFound } from '@chasqui/errors';
import { OutboxRelay } from '@chasqui/messaging';
import { isUniqueViolation } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../../database/orm-settings';
import { reduceBalance } from '../../invoices/balance';
import type { Invoice } from '../../invoices/invoice.entity';
import { announceBalanceChanges, lockInvoices } from '../../invoices/invoice-ledger';
import { TenantEntity } from '../../tenants/tenant.entity';
import type { RecordAdjustmentCommand } from './record-adjustment.command';

/**
 * A credit note or a write-off against one invoice, in one transaction with
 * its balance and events. Idempotent by external id per kind.
 */
@Injectable()
export class RecordAdjustmentUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(command: RecordAdjustmentCommand): Promise<Invoice> {
    try {
      const invoice = await this.orm.em.fork().transactional(async (em) => {
        const [existing] = await em.execute<{ invoice_id: string; amount_minor: string }[]>(
          `select invoice_id, amount_minor::text as amount_minor from ${SCHEMA}.adjustments
            where tenant_id = ? and kind = ? and external_id = ?`,
          [command.tenantId, command.kind, command.externalId],
        );
        const invoices = await lockInvoices(em, command.tenantId, [command.invoiceId]);
        const invoice = invoices.get(command.invoiceId);
        if (!invoice) throw new NotFound('INVOICE.NOT_FOUND', 'invoice_id', 'no such invoice');
        if (existing) {
          if (
            existing.invoice_id !== command.invoiceId ||
            (command.amountMinor && existing.amount_minor !== command.amountMinor)
          ) {
            throw new AlreadyExists(
              'ADJUSTMENT.EXTERNAL_ID_TAKEN',
              'external_id',
              'a different document has this external id',
            );
          }
          return invoice; // a replay: already applied
        }
        const amount = BigInt(command.amountMinor ?? (command.kind === 'write_off' ? invoice.balanceMinor : '0'));
        if (amount === 0n) {
          throw new InvalidArgument('ADJUSTMENT.INVALID', [
            {
              field: 'amount_minor',
              description: command.kind === 'credit_note' ? 'is required' : 'the invoice has no balance',
            },
          ]);
        }
        const reduced = reduceBalance(invoice, command.kind === 'credit_note' ? 'credited' : 'writtenOff', amount);
        if (!reduced.ok)
          throw new InvalidArgument('ADJUSTMENT.INVALID', [{ field: 'amount_minor', description: reduced.reason }]);
        const balanceBefore = invoice.balanceMinor;
        Object.assign(invoice, reduced.amounts);
        await em.flush();
        await em.execute(
          `insert into ${SCHEMA}.adjustments (id, tenant_id, invoice_id, kind, external_id, date, amount_minor, reason, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, now())`,
          [
            randomUUID(),
            command.tenantId,
            invoice.id,
            command.kind,
            command.externalId,
            command.date,
            amount.toString(),
            command.reason,
          ],
        );
        const tenant = await em.findOneOrFail(TenantEntity, { id: command.tenantId });
        await announceBalanceChanges(em, command.tenantId, [{ invoice, balanceBefore }], tenant.centsToleranceMinor);
        return invoice;
      });
      this.outbox.nudge();
      return invoice;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AlreadyExists(
          'ADJUSTMENT.EXTERNAL_ID_TAKEN',
          'external_id',
          'recorded concurrently; retry to read it',
        );
      }
      throw error;
    }
  }
}
