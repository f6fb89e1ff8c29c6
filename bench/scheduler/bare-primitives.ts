import { scheduler } from '@chasqui/contracts';
import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { since } from '../support/measure';

/**
 * The due set as one bare query: the collectible invoices whose overdue step
 * (from `fromDays`, every `everyDays`) fell in the last `windowDays` days,
 * with what a decision needs (customer zone, a deliverable contact), read to
 * the client.
 */
export async function bareDueSet(
  sql: Client,
  tenantId: string,
  asOfDate: string,
  rule: { fromDays: number; everyDays: number },
  windowDays: number,
): Promise<{ ms: number; rows: number }> {
  const start = process.hrtime.bigint();
  const { rowCount } = await sql.query(
    `select i.id, i.customer_id, i.due_date, i.balance_minor, coalesce(c.time_zone, t.time_zone) as zone,
            exists (select 1 from receivables.contacts k
                     where k.customer_id = c.id and k.receives_reminders and not k.undeliverable) as reachable
       from receivables.invoices i
       join receivables.customers c on c.id = i.customer_id
       join receivables.tenants t on t.id = i.tenant_id
      where i.tenant_id = $1 and i.balance_minor > t.cents_tolerance_minor and not i.in_dispute
        and $2::date - i.due_date >= $3
        and ($2::date - i.due_date - $3) % $4 < $5`,
    [tenantId, asOfDate, rule.fromDays, rule.everyDays, windowDays],
  );
  return { ms: since(start), rows: rowCount ?? 0 };
}

/** `count` render-job-sized messages published with confirms to a durable queue, as the relay publishes. */
export async function barePublish(amqpUrl: string, count: number): Promise<number> {
  const connection = await connect(amqpUrl);
  try {
    const channel = await connection.createConfirmChannel();
    const queue = `bench.bare.${randomUUID()}`;
    await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    const body = Buffer.from(
      scheduler.RenderJob.encode({
        occurrenceId: randomUUID(),
        tenantId: randomUUID(),
        customerId: randomUUID(),
        ruleId: randomUUID(),
        ruleKind: scheduler.RuleKind.RULE_KIND_OVERDUE,
        step: 3,
        invoiceIds: [randomUUID()],
        asOf: '2026-11-22',
        attachStatementPdf: true,
        audience: { contactRoles: [], extraRecipients: [], cc: [], bcc: [] },
        testTo: '',
        templateId: '',
      }).finish(),
    );
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      channel.publish('', queue, body, {
        persistent: true,
        messageId: randomUUID(),
        type: 'chasqui.scheduler.v1.RenderJob',
      });
      if (i % 1000 === 999) await channel.waitForConfirms();
    }
    await channel.waitForConfirms();
    const ms = since(start);
    await channel.deleteQueue(queue);
    return ms;
  } finally {
    await connection.close();
  }
}
