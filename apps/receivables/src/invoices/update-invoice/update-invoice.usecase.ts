import { InvalidArgument, NotFound } from '@chasqui/errors';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Invoice } from '../invoice.entity';
import { announceInvoiceChanged, lockInvoices } from '../invoice-ledger';
import type { UpdateInvoiceCommand } from './update-invoice.command';

/**
 * A new due date or a dispute flag. The scheduler reads due dates and disputes
 * from receivables at each decision, so the change applies from the next cycle;
 * invoice.changed tells everyone else.
 */
@Injectable()
export class UpdateInvoiceUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(command: UpdateInvoiceCommand): Promise<Invoice> {
    const invoice = await this.orm.em.fork().transactional(async (em) => {
      const invoice = (await lockInvoices(em, command.tenantId, [command.invoiceId])).get(command.invoiceId);
      if (!invoice) throw new NotFound('INVOICE.NOT_FOUND', 'invoice_id', 'no such invoice');
      if (command.dueDate != null) {
        if (command.dueDate < invoice.issueDate) {
          throw new InvalidArgument('INVOICE.DUE_BEFORE_ISSUE', [
            { field: 'due_date', description: 'must not be before issue_date' },
          ]);
        }
        invoice.dueDate = command.dueDate;
      }
      if (command.inDispute != null) invoice.inDispute = command.inDispute;
      await em.flush();
      await announceInvoiceChanged(em, command.tenantId, invoice, `update:${Date.now()}`);
      return invoice;
    });
    this.outbox.nudge();
    return invoice;
  }
}
