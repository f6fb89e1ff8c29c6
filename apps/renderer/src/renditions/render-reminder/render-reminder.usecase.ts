import type { renderer, scheduler } from '@chasqui/contracts';
import { OutboxRelay, type MessageMeta } from '@chasqui/messaging';
import { Injectable } from '@nestjs/common';
import { ComposeReminder } from '../compose-reminder';
import { RenditionRepository, type Rendition } from '../rendition.repository';
import { reminderKindOfRule } from '../rule-kinds';
import { asRenderFailure } from './render-failures';

/**
 * Renders one reminder from the statement as it is now (a payment made an hour
 * ago is never dunned), with the statement PDF, and queues it for sending.
 * Idempotent by occurrence id: the rendition row is written once, with its send
 * job, in one statement.
 */
@Injectable()
export class RenderReminderUseCase {
  constructor(
    private readonly renditions: RenditionRepository,
    private readonly composer: ComposeReminder,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(job: scheduler.RenderJob, meta: MessageMeta): Promise<void> {
    try {
      await this.render(job, meta);
    } catch (error) {
      throw asRenderFailure(error);
    }
  }

  private async render(job: scheduler.RenderJob, meta: MessageMeta): Promise<void> {
    // A job delivered again (a crash, a retry) may have been rendered already: look before printing.
    // A first delivery does not ask: the rendition's primary key keeps a duplicate from being recorded.
    const again = meta.redelivered || meta.attempt > 0 || meta.transientAttempt > 0;
    if (again && (await this.renditions.exists(job.occurrenceId))) return;
    const composed = await this.composer.compose({
      tenantId: job.tenantId,
      customerId: job.customerId,
      asOf: job.asOf,
      kind: reminderKindOfRule(job.ruleKind),
      invoiceIds: job.invoiceIds,
      templateId: job.templateId,
      audience: job.audience,
      testTo: job.testTo,
      attachStatementPdf: job.attachStatementPdf,
      traceparent: meta.traceparent,
    });
    const { email, pdf, template, statement } = composed;
    const { to, cc, bcc } = composed.recipients;
    // Nothing left to collect on these invoices (paid since the decision): no email.
    if (!email) return this.record(job, { subject: '', to, pdf: undefined, outcome: 'settled', template });
    const sendJob: renderer.SendJob = {
      occurrenceId: job.occurrenceId,
      tenantId: job.tenantId,
      customerId: job.customerId,
      invoiceIds: job.invoiceIds,
      to,
      cc,
      bcc,
      test: job.testTo !== '',
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: composed.attachments,
      timeZone: statement.customer?.timeZone || statement.tenant?.timeZone || '',
      fromName: email.fromName,
    };
    const outcome = to.length > 0 ? 'rendered' : 'no_recipients';
    const rendition = { subject: email.subject, to, pdf, outcome, template } as const;
    await this.record(job, rendition, to.length > 0 ? sendJob : undefined, meta);
  }

  /** The rendition row, once per occurrence, and its send job in the same statement, published once committed. */
  private async record(
    job: scheduler.RenderJob,
    rendition: Pick<Rendition, 'subject' | 'pdf' | 'outcome' | 'template'> & { to: string[] },
    sendJob?: renderer.SendJob,
    meta?: MessageMeta,
  ): Promise<void> {
    const { to, ...rest } = rendition;
    const row = {
      ...rest,
      occurrenceId: job.occurrenceId,
      tenantId: job.tenantId,
      customerId: job.customerId,
      recipients: to,
    };
    const queued = await this.renditions.record(row, sendJob, meta?.traceparent, this.outbox.canDispatch());
    // Not awaited: the render job is done once its send job is committed; a relay sends what this could not.
    if (queued) void this.outbox.dispatch(queued);
  }
}
