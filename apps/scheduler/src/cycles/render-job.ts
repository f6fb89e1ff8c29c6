import { Exchanges, MessageTypes, RoutingKeys, scheduler } from '@chasqui/contracts';
import type { OutgoingMessage } from '@chasqui/messaging';
import { toRuleKindProto } from '../grpc/to-proto';
import type { Audience, Rule } from '../rules/rule.entity';

/** A reminder decided to be sent: what the renderer needs to write it. */
export interface Reminder {
  occurrenceId: string;
  tenantId: string;
  customerId: string;
  ruleId: string;
  ruleKind: Rule['kind'];
  /** The latest step it covers. */
  step: number;
  invoiceIds: string[];
  /** YYYY-MM-DD in the customer's zone. */
  localDate: string;
  /** Who receives it, from the rule. */
  audience: Audience;
  /** A test send: only to this address. */
  testTo?: string;
  /** The rule's template (the renderer's id); '' or absent: the tenant's active one, else the default. */
  templateId?: string;
}

/** The render job of a reminder; the occurrence id is its idempotency key downstream. */
export function renderJob(reminder: Reminder): OutgoingMessage {
  return {
    exchange: Exchanges.jobs,
    routingKey: RoutingKeys.renderJob,
    type: MessageTypes.renderJob,
    body: scheduler.RenderJob.encode({
      occurrenceId: reminder.occurrenceId,
      tenantId: reminder.tenantId,
      customerId: reminder.customerId,
      ruleId: reminder.ruleId,
      ruleKind: toRuleKindProto(reminder.ruleKind),
      step: reminder.step,
      invoiceIds: reminder.invoiceIds,
      asOf: reminder.localDate,
      attachStatementPdf: true,
      audience: reminder.audience,
      testTo: reminder.testTo ?? '',
      templateId: reminder.templateId ?? '',
    }).finish(),
    tenantId: reminder.tenantId,
    idempotencyKey: reminder.occurrenceId,
    // The outbox row is found by its occurrence (CancelOccurrence withdraws it while it waits), and one
    // occurrence can never have two jobs waiting.
    messageId: reminder.occurrenceId,
  };
}
