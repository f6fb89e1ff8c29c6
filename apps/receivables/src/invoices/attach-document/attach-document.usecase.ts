import { NotFound } from '@chasqui/grpc';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { SCHEMA } from '../../database/orm-settings';
import { announceInvoiceChanged, lockInvoices } from '../invoice-ledger';
import type { AttachDocumentCommand } from './attach-document.command';

export interface AttachmentView {
  id: string;
  invoiceId: string;
  kind: 'xml' | 'pdf';
  filename: string;
  sha256: string;
  sizeBytes: number;
}

/** Files the invoice's XML or PDF once (by digest) and marks the invoice as having it. */
@Injectable()
export class AttachDocumentUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(command: AttachDocumentCommand): Promise<AttachmentView> {
    const sha256 = createHash('sha256').update(command.content).digest('hex');
    const attachment = await this.orm.em.fork().transactional(async (em) => {
      const invoice = (await lockInvoices(em, command.tenantId, [command.invoiceId])).get(command.invoiceId);
      if (!invoice) throw new NotFound('INVOICE.NOT_FOUND', 'invoice_id', 'no such invoice');
      const [row] = await em.execute<{ id: string; filename: string }[]>(
        `insert into ${SCHEMA}.attachments (id, tenant_id, invoice_id, kind, filename, sha256, size_bytes, content, created_at)
         values (?, ?, ?, ?, ?, ?, ?, decode(?, 'base64'), now())
         on conflict (invoice_id, kind, sha256) do update set kind = excluded.kind
         returning id, filename`,
        [
          randomUUID(),
          command.tenantId,
          invoice.id,
          command.kind,
          command.filename,
          sha256,
          command.content.length,
          Buffer.from(command.content).toString('base64'),
        ],
      );
      const flag = command.kind === 'xml' ? 'hasXml' : 'hasPdf';
      if (!invoice[flag]) {
        invoice[flag] = true;
        await em.flush();
        await announceInvoiceChanged(em, command.tenantId, invoice, command.kind);
      }
      return {
        id: row.id,
        invoiceId: invoice.id,
        kind: command.kind,
        filename: row.filename,
        sha256,
        sizeBytes: command.content.length,
      };
    });
    this.outbox.nudge();
    return attachment;
  }
}
