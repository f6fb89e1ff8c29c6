/** Domain events go to a topic exchange, work to a direct one (ARCHITECTURE §4). */
export const Exchanges = {
  events: 'chasqui.events',
  jobs: 'chasqui.jobs',
} as const;

export const RoutingKeys = {
  invoiceIssued: 'receivables.invoice.issued',
  invoicesIssued: 'receivables.invoices.issued',
  invoiceChanged: 'receivables.invoice.changed',
  invoiceSettled: 'receivables.invoice.settled',
  paymentRecorded: 'receivables.payment.recorded',
  customerChanged: 'receivables.customer.changed',
  tenantChanged: 'receivables.tenant.changed',
  renderJob: 'render',
  sendJob: 'send',
  messageSent: 'delivery.message.sent',
  messageUnknown: 'delivery.message.unknown',
  messageFailed: 'delivery.message.failed',
  messageSuppressed: 'delivery.message.suppressed',
  messageBounced: 'delivery.message.bounced',
  messageReplied: 'delivery.message.replied',
  messageComplained: 'delivery.message.complained',
  messageUnsubscribed: 'delivery.message.unsubscribed',
  /** A person's reply to pass on to the tenant's reply-to list (delivery's own work). */
  forwardReply: 'delivery.forward_reply',
  /** `<service>.job.dead_lettered`: a job about an occurrence died (JobDeadLettered). */
  renderJobDeadLettered: 'renderer.job.dead_lettered',
  sendJobDeadLettered: 'delivery.job.dead_lettered',
} as const;

/** The AMQP `type` property: the full proto name of the body. */
export const MessageTypes = {
  invoiceIssued: 'chasqui.receivables.v1.InvoiceIssued',
  invoicesIssued: 'chasqui.receivables.v1.InvoicesIssued',
  invoiceChanged: 'chasqui.receivables.v1.InvoiceChanged',
  invoiceSettled: 'chasqui.receivables.v1.InvoiceSettled',
  paymentRecorded: 'chasqui.receivables.v1.PaymentRecorded',
  customerChanged: 'chasqui.receivables.v1.CustomerChanged',
  tenantChanged: 'chasqui.receivables.v1.TenantChanged',
  renderJob: 'chasqui.scheduler.v1.RenderJob',
  sendJob: 'chasqui.renderer.v1.SendJob',
  messageSent: 'chasqui.delivery.v1.MessageSent',
  messageUnknown: 'chasqui.delivery.v1.MessageOutcomeUnknown',
  messageFailed: 'chasqui.delivery.v1.MessageFailed',
  messageSuppressed: 'chasqui.delivery.v1.MessageSuppressed',
  messageBounced: 'chasqui.delivery.v1.MessageBounced',
  messageReplied: 'chasqui.delivery.v1.MessageReplied',
  messageComplained: 'chasqui.delivery.v1.MessageComplained',
  messageUnsubscribed: 'chasqui.delivery.v1.MessageUnsubscribed',
  forwardReply: 'chasqui.delivery.v1.ForwardReply',
  jobDeadLettered: 'chasqui.operations.v1.JobDeadLettered',
} as const;
