import { NotFound } from '@chasqui/errors';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { fileDocument, type AttachmentView } from '../invoice-documents';
import { lockInvoices } from '../invoice-ledger';
import type { AttachDocumentCommand } from './attach-document.command';

/** Files the invoice's XML or PDF once (by digest) and marks the invoice as having it. */
@Injectable()
export class AttachDocumentUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(command: AttachDocumentCommand): Promise<AttachmentView> {
    const attachment = await this.orm.em.fork().transactional(async (em) => {
      const invoice = (await lockInvoices(em, command.tenantId, [command.invoiceId])).get(command.invoiceId);
      if (!invoice) throw new NotFound('INVOICE.NOT_FOUND', 'invoice_id', 'no such invoice');
      return (await fileDocument(em, invoice, command)).attachment;
    });
    this.outbox.nudge();
    return attachment;
  }
}
