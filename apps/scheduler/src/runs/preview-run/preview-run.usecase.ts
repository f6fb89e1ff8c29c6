import type { Temporal } from '@js-temporal/polyfill';
import { recipients, type Recipients } from '@chasqui/audience';
import { nativeQuery } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { StatementLinkIssuer } from '@chasqui/statement-links';
import { Injectable } from '@nestjs/common';
import { CycleDecider } from '../../cycles/cycle-decider';
import { planOccurrences } from '../../cycles/occurrence-plan';
import type { TargetDecision } from '../../cycles/target-decision';
import { SCHEMA } from '../../database/orm-settings';
import { ReceivablesClient } from '../../grpc/receivables.client';
import { loadPolicyBook } from '../../policy/load-policy-book';
import type { Rule } from '../../rules/rule.entity';

const LISTED = 1000;

export interface PlannedReminder {
  rule: Rule;
  customerId: string;
  customerName: string;
  localDate: string;
  invoiceIds: string[];
  amounts: Map<string, bigint>;
  /** Who it would go to, from the customer's contacts as they are now. */
  recipients: Recipients;
  /** The customer's statement as of the reminder's date, to open before approving. */
  statementLink: string;
}

export interface RunPreview {
  customers: number;
  reminders: number;
  amounts: Map<string, bigint>;
  notSent: Map<string, number>;
  planned: PlannedReminder[];
}

/**
 * What a cycle at `asOf` would decide now — the same decider the cycle uses,
 * minus the steps already claimed — without recording anything: the summary a
 * finance team reads before the reminders go.
 */
@Injectable()
export class PreviewRunUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly decider: CycleDecider,
    private readonly receivables: ReceivablesClient,
    private readonly links: StatementLinkIssuer,
  ) {}

  async execute(tenantId: string, asOf: Temporal.Instant): Promise<RunPreview> {
    const em = this.orm.em.fork();
    const policy = await loadPolicyBook(em, tenantId);
    const invoices = new Map<string, { currency: string; balanceMinor: string; customerName: string }>();
    const preview: RunPreview = { customers: 0, reminders: 0, amounts: new Map(), notSent: new Map(), planned: [] };
    const customers = new Set<string>();
    for (const rule of await this.decider.rules(em, tenantId, policy)) {
      const decisions = await this.decider.decide(tenantId, rule, asOf, policy, (invoice) =>
        invoices.set(invoice.invoiceId, {
          currency: invoice.currency,
          balanceMinor: invoice.balanceMinor,
          customerName: invoice.customerName,
        }),
      );
      for (const plan of planOccurrences(rule.grouping, await this.unclaimed(decisions))) {
        const [first] = plan.decisions;
        if (first.status !== 'queued') {
          const reason = first.reason ?? first.status;
          preview.notSent.set(reason, (preview.notSent.get(reason) ?? 0) + plan.decisions.length);
          continue;
        }
        const invoiceIds = [...new Set(plan.decisions.flatMap((d) => d.invoiceIds))];
        const amounts = new Map<string, bigint>();
        for (const id of invoiceIds) {
          const invoice = invoices.get(id);
          if (invoice)
            amounts.set(invoice.currency, (amounts.get(invoice.currency) ?? 0n) + BigInt(invoice.balanceMinor));
        }
        for (const [currency, amount] of amounts)
          preview.amounts.set(currency, (preview.amounts.get(currency) ?? 0n) + amount);
        preview.reminders++;
        customers.add(first.customerId);
        if (preview.planned.length < LISTED) {
          preview.planned.push({
            rule,
            customerId: first.customerId,
            customerName: invoices.get(invoiceIds[0])?.customerName ?? '',
            localDate: first.localDate,
            invoiceIds,
            amounts,
            recipients: { to: [], cc: [], bcc: [] },
            statementLink: this.links.url(
              { tenantId, customerId: first.customerId, asOf: first.localDate },
              new Date(),
            ),
          });
        }
      }
    }
    preview.customers = customers.size;
    await this.addressListed(tenantId, preview.planned);
    preview.planned.sort(
      (a, b) => a.customerName.localeCompare(b.customerName) || a.localDate.localeCompare(b.localDate),
    );
    return preview;
  }

  /** Each listed reminder's recipients, by its rule's audience among the customer's contacts now. */
  private async addressListed(tenantId: string, planned: PlannedReminder[]): Promise<void> {
    const contacts = await this.receivables.contacts(tenantId, [...new Set(planned.map((p) => p.customerId))]);
    for (const p of planned) p.recipients = recipients(contacts.get(p.customerId) ?? [], p.rule.audience);
  }

  /** The decisions whose steps no cycle has claimed yet. */
  private async unclaimed(decisions: TargetDecision[]): Promise<TargetDecision[]> {
    if (decisions.length === 0) return [];
    const claimed = await nativeQuery<{ i: number }>(
      this.orm.em.fork(),
      `select r.i from jsonb_to_recordset(?::jsonb) as r(i int, rule_id uuid, customer_id uuid, target text, day date)
        where exists (select 1 from ${SCHEMA}.occurrence_steps s
                       where s.rule_id = r.rule_id and s.customer_id = r.customer_id
                         and s.target = r.target and s.day = r.day)`,
      [
        JSON.stringify(
          decisions.map((d, i) => ({
            i,
            rule_id: d.ruleId,
            customer_id: d.customerId,
            target: d.target,
            day: d.day,
          })),
        ),
      ],
    );
    const taken = new Set(claimed.map((c) => c.i));
    return decisions.filter((_, i) => !taken.has(i));
  }
}
