import type { receivables } from '@chasqui/contracts';
import { ServiceOnlyGuard, Tenant, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { toAttachmentProto } from './document.proto';
import { GetDocumentUseCase } from './get-document.usecase';

/** One stored document for a document link, for the renderer acting for a tenant. */
@Controller()
@UseGuards(ServiceOnlyGuard, TenantGuard)
export class GetDocumentController {
  constructor(private readonly getDocument: GetDocumentUseCase) {}

  @GrpcMethod('ReceivablesService', 'GetDocument')
  async handle(
    @Tenant() tenantId: string,
    @Payload() request: receivables.GetDocumentRequest,
  ): Promise<receivables.GetDocumentResponse> {
    const { attachment, content } = await this.getDocument.execute(tenantId, request.attachmentId);
    return { document: { attachment: toAttachmentProto(attachment), content } };
  }
}
