import { NotFound } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import type { AttachmentView } from '../invoice-documents';
import { DocumentRepository } from './document.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One stored document of the tenant, for a document link; a malformed id is as absent as an unknown one. */
@Injectable()
export class GetDocumentUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute(tenantId: string, attachmentId: string): Promise<{ attachment: AttachmentView; content: Buffer }> {
    const found = UUID.test(attachmentId) ? await this.documents.find(tenantId, attachmentId) : undefined;
    if (!found) throw new NotFound('ATTACHMENT.NOT_FOUND', 'attachment_id', 'no such document of this tenant');
    return found;
  }
}
