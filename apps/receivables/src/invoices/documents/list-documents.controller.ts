import type { receivables } from '@chasqui/contracts';
import { ServiceOnlyGuard, TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toAttachmentProto } from './document.proto';
import { listDocumentsQuery } from './list-documents.command';
import { ListDocumentsUseCase, type ListDocumentsQuery } from './list-documents.usecase';

/** For the renderer and delivery, acting for a tenant. */
@Controller()
@UseGuards(ServiceOnlyGuard, TenantGuard)
export class ListDocumentsController {
  constructor(private readonly listDocuments: ListDocumentsUseCase) {}

  @GrpcMethod('ReceivablesService', 'ListDocuments')
  async handle(
    @TenantCommand(listDocumentsQuery, 'DOCUMENTS.INVALID') query: ListDocumentsQuery,
  ): Promise<receivables.ListDocumentsResponse> {
    const { documents, leftOut } = await this.listDocuments.execute(query);
    return {
      documents: documents.map((d) => ({ attachment: toAttachmentProto(d.attachment), content: d.content })),
      leftOut: leftOut.map(toAttachmentProto),
    };
  }
}
