import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { attachDocumentCommand } from './attach-document.command';
import { AttachDocumentUseCase } from './attach-document.usecase';

const kinds = {
  xml: receivables.AttachmentKind.ATTACHMENT_KIND_XML,
  pdf: receivables.AttachmentKind.ATTACHMENT_KIND_PDF,
};

@Controller()
export class AttachDocumentController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly attachDocument: AttachDocumentUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'AttachDocument')
  async handle(
    request: receivables.AttachDocumentRequest,
    metadata: Metadata,
  ): Promise<receivables.AttachDocumentResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const attachment = await this.attachDocument.execute(
      parseRequest(attachDocumentCommand, { ...request, tenantId }, 'ATTACHMENT.INVALID'),
    );
    return { attachment: { ...attachment, kind: kinds[attachment.kind], sizeBytes: String(attachment.sizeBytes) } };
  }
}
