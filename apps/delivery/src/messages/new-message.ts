import type { renderer } from '@chasqui/contracts';
import { randomUUID } from 'node:crypto';
import type { Message } from './message.entity';

/** A send job's message as first taken to SMTP: claimed (`sending`) until `leaseUntil`. */
export function newMessage(job: renderer.SendJob, mailDomain: string, now: Date, leaseUntil: Date): Message {
  return {
    id: randomUUID(),
    tenantId: job.tenantId,
    occurrenceId: job.occurrenceId,
    messageId: `<${job.occurrenceId}@${mailDomain}>`,
    customerId: job.customerId,
    invoiceIds: job.invoiceIds,
    to: job.to,
    cc: job.cc,
    bcc: job.bcc,
    test: job.test,
    subject: job.subject,
    status: 'sending',
    smtpResponse: null,
    reason: null,
    attempts: 1,
    leaseUntil,
    finalDotAt: null,
    resendJob: null,
    timeZone: job.timeZone,
    headers: {},
    createdAt: now,
    updatedAt: now,
  };
}
