import type { Metadata } from '@grpc/grpc-js';
import type { renderer } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { fromTemplateKind } from '../../templates/template.proto';
import { previewReminderCommand } from './preview-reminder.command';
import { PreviewReminderUseCase, type Preview } from './preview-reminder.usecase';

export function toPreviewProto({
  email,
  pdf,
  recipients,
  template,
  attachments,
}: Preview): renderer.PreviewReminderResponse {
  return {
    subject: email.subject,
    fromName: email.fromName,
    html: email.html,
    text: email.text,
    statementPdf: pdf ?? Buffer.alloc(0),
    statementFilename: email.statementFilename,
    to: recipients.to,
    cc: recipients.cc,
    templateId: template.templateId ?? '',
    templateVersion: template.version ?? 0,
    inlineImages: attachments.filter((a) => a.contentId !== ''),
    attachmentNames: attachments.filter((a) => a.contentId === '').map((a) => a.filename),
  };
}

@Controller()
export class PreviewReminderController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly previewReminder: PreviewReminderUseCase,
  ) {}

  @GrpcMethod('RendererService', 'PreviewReminder')
  async handle(
    request: renderer.PreviewReminderRequest,
    metadata: Metadata,
  ): Promise<renderer.PreviewReminderResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(
      previewReminderCommand,
      { ...request, kind: fromTemplateKind(request.kind), tenantId },
      'PREVIEW.INVALID',
    );
    return toPreviewProto(await this.previewReminder.execute(command));
  }
}
