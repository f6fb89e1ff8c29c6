import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomUUID } from 'node:crypto';
import { SCHEMA } from '../database/orm-settings';
import { announceInvoiceChanged } from './invoice-ledger';
import type { Invoice } from './invoice.entity';

export interface AttachmentView {
  id: string;
  invoiceId: string;
  kind: 'xml' | 'pdf';
  filename: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Files an invoice's XML or PDF once by digest (the same bytes again are the
 * same attachment) and marks the invoice as having it, announcing the change,
 * in the caller's transaction on a locked invoice.
 */
export async function fileDocument(
  em: EntityManager,
  invoice: Invoice,
  document: { kind: 'xml' | 'pdf'; filename: string; content: Uint8Array },
): Promise<{ attachment: AttachmentView; added: boolean }> {
  const sha256 = createHash('sha256').update(document.content).digest('hex');
  const [row] = await em.execute<{ id: string; filename: string; added: boolean }[]>(
    `insert into ${SCHEMA}.attachments (id, tenant_id, invoice_id, kind, filename, sha256, size_bytes, content, created_at)
     values (?, ?, ?, ?, ?, ?, ?, decode(?, 'base64'), now())
     on conflict (invoice_id, kind, sha256) do update set kind = excluded.kind
     returning id, filename, (xmax = 0) as added`,
    [
      randomUUID(),
      invoice.tenantId,
      invoice.id,
      document.kind,
      document.filename,
      sha256,
      document.content.length,
      Buffer.from(document.content).toString('base64'),
    ],
  );
  const flag = document.kind === 'xml' ? 'hasXml' : 'hasPdf';
  if (!invoice[flag]) {
    invoice[flag] = true;
    await em.flush();
    await announceInvoiceChanged(em, invoice.tenantId, invoice, document.kind);
  }
  return {
    attachment: {
      id: row.id,
      invoiceId: invoice.id,
      kind: document.kind,
      filename: row.filename,
      sha256,
      sizeBytes: document.content.length,
    },
    added: row.added,
  };
}
