import { Injectable } from '@nestjs/common';
import type { AttachmentView } from '../invoice-documents';
import { DocumentRepository } from './document.repository';
import { fitDocuments } from './fit-documents';

export interface ListDocumentsQuery {
  tenantId: string;
  invoiceIds: string[];
  maxBytes: number;
}

/** The invoices' latest XML and PDF: with content while they fit in `maxBytes`, the rest named only. */
@Injectable()
export class ListDocumentsUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute({ tenantId, invoiceIds, maxBytes }: ListDocumentsQuery): Promise<{
    documents: Array<{ attachment: AttachmentView; content: Buffer }>;
    leftOut: AttachmentView[];
  }> {
    const { fit, leftOut } = fitDocuments(await this.documents.latest(tenantId, invoiceIds), maxBytes);
    const contents = await this.documents.contents(
      tenantId,
      fit.map((a) => a.id),
    );
    return {
      documents: fit.flatMap((attachment) => {
        const content = contents.get(attachment.id);
        return content ? [{ attachment, content }] : [];
      }),
      leftOut,
    };
  }
}
