import type { Metadata } from '@grpc/grpc-js';
import type { receivables } from '@chasqui/contracts';
import { NotFound, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { DocumentRepository } from './document.repository';
import { toAttachmentProto } from './document.proto';

/** One stored document for a document link: a read, the edge asks the repository. */
@Controller()
export class GetDocumentController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly documents: DocumentRepository,
  ) {}

  @GrpcMethod('ReceivablesService', 'GetDocument')
  async handle(request: receivables.GetDocumentRequest, metadata: Metadata): Promise<receivables.GetDocumentResponse> {
    this.auth.requireService(metadata);
    const tenantId = await this.auth.tenantOf(metadata);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const found = uuid.test(request.attachmentId)
      ? await this.documents.find(tenantId, request.attachmentId)
      : undefined;
    if (!found) throw new NotFound('ATTACHMENT.NOT_FOUND', 'attachment_id', 'no such document of this tenant');
    return { document: { attachment: toAttachmentProto(found.attachment), content: found.content } };
  }
}
