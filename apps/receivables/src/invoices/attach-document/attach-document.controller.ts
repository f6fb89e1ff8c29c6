import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { attachDocumentCommand, type AttachDocumentCommand } from './attach-document.command';
import { AttachDocumentUseCase } from './attach-document.usecase';

const kinds = {
  xml: receivables.AttachmentKind.ATTACHMENT_KIND_XML,
  pdf: receivables.AttachmentKind.ATTACHMENT_KIND_PDF,
};

@Controller()
@UseGuards(TenantGuard)
export class AttachDocumentController {
  constructor(private readonly attachDocument: AttachDocumentUseCase) {}

  @GrpcMethod('ReceivablesService', 'AttachDocument')
  async handle(
    @TenantCommand(attachDocumentCommand, 'ATTACHMENT.INVALID') command: AttachDocumentCommand,
  ): Promise<receivables.AttachDocumentResponse> {
    const attachment = await this.attachDocument.execute(command);
    return { attachment: { ...attachment, kind: kinds[attachment.kind], sizeBytes: String(attachment.sizeBytes) } };
  }
}
