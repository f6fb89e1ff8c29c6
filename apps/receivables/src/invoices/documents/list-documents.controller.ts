import type { Metadata } from '@grpc/grpc-js';
import type { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { toAttachmentProto } from './document.proto';
import { ListDocumentsUseCase } from './list-documents.usecase';

const listDocumentsQuery = z.object({
  tenantId: z.string(),
  invoiceIds: z.array(z.uuid('must be an invoice id')).min(1, 'required').max(100, 'at most 100'),
  maxBytes: z.coerce
    .number()
    .int()
    .min(0, 'must be 0 or more')
    .max(64 * 1024 * 1024),
});

@Controller()
export class ListDocumentsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly listDocuments: ListDocumentsUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'ListDocuments')
  async handle(
    request: receivables.ListDocumentsRequest,
    metadata: Metadata,
  ): Promise<receivables.ListDocumentsResponse> {
    this.auth.requireService(metadata);
    const tenantId = await this.auth.tenantOf(metadata);
    const query = parseRequest(listDocumentsQuery, { ...request, tenantId }, 'DOCUMENTS.INVALID');
    const { documents, leftOut } = await this.listDocuments.execute(query);
    return {
      documents: documents.map((d) => ({ attachment: toAttachmentProto(d.attachment), content: d.content })),
      leftOut: leftOut.map(toAttachmentProto),
    };
  }
}
