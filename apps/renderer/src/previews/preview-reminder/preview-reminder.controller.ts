import type { renderer } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { previewReminderCommand, type PreviewReminderCommand } from './preview-reminder.command';
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
@UseGuards(TenantGuard)
export class PreviewReminderController {
  constructor(private readonly previewReminder: PreviewReminderUseCase) {}

  @GrpcMethod('RendererService', 'PreviewReminder')
  async handle(
    @TenantCommand(previewReminderCommand, 'PREVIEW.INVALID') command: PreviewReminderCommand,
  ): Promise<renderer.PreviewReminderResponse> {
    return toPreviewProto(await this.previewReminder.execute(command));
  }
}
