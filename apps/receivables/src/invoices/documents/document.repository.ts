import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../../database/orm-settings';
import type { AttachmentView } from '../invoice-documents';

interface AttachmentRow {
  id: string;
  invoice_id: string;
  kind: 'xml' | 'pdf';
  filename: string;
  sha256: string;
  size_bytes: number;
}

const view = (row: AttachmentRow): AttachmentView => ({
  id: row.id,
  invoiceId: row.invoice_id,
  kind: row.kind,
  filename: row.filename,
  sha256: row.sha256,
  sizeBytes: row.size_bytes,
});

/** Invoices' stored documents, read for the renderer (filed by fileDocument). */
@Injectable()
export class DocumentRepository {
  constructor(private readonly orm: MikroORM) {}

  /** The latest XML and PDF of each invoice, in the order asked, XML first; no content. */
  async latest(tenantId: string, invoiceIds: string[]): Promise<AttachmentView[]> {
    const rows: AttachmentRow[] = await this.orm.em.fork().execute(
      `select distinct on (a.invoice_id, a.kind) a.id, a.invoice_id, a.kind, a.filename, a.sha256, a.size_bytes
         from ${SCHEMA}.attachments a
        where a.tenant_id = ? and a.invoice_id = any(?::uuid[])
        order by a.invoice_id, a.kind, a.created_at desc, a.id desc`,
      [tenantId, `{${invoiceIds.join(',')}}`],
    );
    const position = (id: string) => invoiceIds.indexOf(id);
    const kindOrder = { xml: 0, pdf: 1 };
    return rows
      .map(view)
      .sort((a, b) => position(a.invoiceId) - position(b.invoiceId) || kindOrder[a.kind] - kindOrder[b.kind]);
  }

  /** The content of some of the tenant's attachments, by id. */
  async contents(tenantId: string, ids: string[]): Promise<Map<string, Buffer>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; content: Buffer }> = await this.orm.em
      .fork()
      .execute(`select id, content from ${SCHEMA}.attachments where tenant_id = ? and id = any(?::uuid[])`, [
        tenantId,
        `{${ids.join(',')}}`,
      ]);
    return new Map(rows.map((row) => [row.id, Buffer.from(row.content)]));
  }

  async find(tenantId: string, id: string): Promise<{ attachment: AttachmentView; content: Buffer } | undefined> {
    const rows: Array<AttachmentRow & { content: Buffer }> = await this.orm.em.fork().execute(
      `select id, invoice_id, kind, filename, sha256, size_bytes, content from ${SCHEMA}.attachments
          where tenant_id = ? and id = ?`,
      [tenantId, id],
    );
    const row = rows[0];
    return row && { attachment: view(row), content: Buffer.from(row.content) };
  }
}
