import { status, type ServiceError } from '@grpc/grpc-js';
import { FailedPrecondition, NotFound, Unavailable } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import { SchedulerClient } from '../../grpc/scheduler.client';
import type { ReminderKind } from '../../reminder/templates';
import { carriesDocuments, ComposeReminder, type ComposedReminder } from '../../renditions/compose-reminder';
import { templateNotFound } from '../../templates/template.errors';
import { TemplateRepository } from '../../templates/template.repository';
import { reminderKindOfRule } from '../../renditions/rule-kinds';
import type { PreviewReminderCommand } from './preview-reminder.command';

/** A composed reminder with its email; `pdf` the statement PDF when the reminder would carry one. */
export type Preview = ComposedReminder & { email: NonNullable<ComposedReminder['email']> };

/**
 * What a reminder to a customer would be now, for a rule (its kind, template and
 * audience), a template, or a kind — with its statement PDF, recording nothing.
 */
@Injectable()
export class PreviewReminderUseCase {
  constructor(
    private readonly composer: ComposeReminder,
    private readonly templates: TemplateRepository,
    private readonly scheduler: SchedulerClient,
  ) {}

  async execute(command: PreviewReminderCommand): Promise<Preview> {
    const { tenantId, customerId, asOf } = command;
    const what = await this.subject(command);
    const composed = await this.composer
      .compose({
        tenantId,
        customerId,
        asOf,
        ...what,
        invoiceIds: command.invoiceIds.length > 0 ? command.invoiceIds : undefined,
        attachStatementPdf: true,
      })
      .catch(asPreviewFailure);
    const { email } = composed;
    if (!email) throw new FailedPrecondition('PREVIEW.NOTHING_OWED', `nothing of it is owed as of ${asOf}`);
    // Printed even when nobody would receive it: the person previewing sees the statement too.
    const pdf = composed.pdf ?? (carriesDocuments(what.kind) ? undefined : await this.composer.statementPdf(email));
    return { ...composed, email, pdf };
  }

  private async subject(command: PreviewReminderCommand): Promise<{
    kind: ReminderKind;
    templateId: string;
    audience?: Parameters<ComposeReminder['compose']>[0]['audience'];
  }> {
    if (command.ruleId) {
      const rule = await this.scheduler.rule(command.tenantId, command.ruleId);
      if (!rule) throw new NotFound('RULE.NOT_FOUND', 'rule_id', 'no such rule of this tenant');
      return { kind: reminderKindOfRule(rule.kind), templateId: rule.template, audience: rule.audience };
    }
    if (command.templateId) {
      const template = await this.templates.find(command.tenantId, command.templateId);
      if (!template) throw templateNotFound();
      return { kind: template.kind, templateId: template.id };
    }
    return { kind: command.kind!, templateId: '' };
  }
}

/** Receivables' answers as the caller should read them: an unknown customer is theirs, an outage is retryable. */
function asPreviewFailure(error: unknown): never {
  const code = (error as Partial<ServiceError>).code;
  if (code === status.NOT_FOUND)
    throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer of this tenant');
  if (code === status.UNAVAILABLE || code === status.DEADLINE_EXCEEDED) {
    throw new Unavailable('RECEIVABLES.UNAVAILABLE', 'receivables is unavailable; try again');
  }
  throw error;
}
