import { enqueueMany, OutboxRelay } from '@chasqui/messaging';
import { NotFound } from '@chasqui/errors';
import { nativeQuery } from '@chasqui/persistence';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { lastValueFrom, reduce } from 'rxjs';
import { renderJob } from '../../cycles/render-job';
import { SCHEMA } from '../../database/orm-settings';
import { ReceivablesClient } from '../../grpc/receivables.client';
import type { Audience, Rule } from '../../rules/rule.entity';

interface Held {
  id: string;
  customer_id: string;
  rule_id: string;
  rule_kind: Rule['kind'];
  local_date: string;
  invoice_ids: string[];
  audience: Audience;
  template: string;
  step: number;
}

/**
 * Releases the reminders waiting in a run: each goes to rendering with its
 * render job, in one transaction with the run's approval, unless everything
 * it was about was settled while it waited (skipped, reason `settled`).
 */
@Injectable()
export class ApproveRunUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly receivables: ReceivablesClient,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(tenantId: string, runId: string): Promise<{ released: number; settled: number }> {
    // The ledger is asked about the run's invoices before its rows are locked (a call to another service
    // inside the transaction would hold them); an invoice added to the run since is not judged: it goes out.
    const [asked, collectible] = await this.collectibleAmong(tenantId, runId);
    const result = await this.orm.em.fork().transactional(async (em) => {
      const [run] = await em.execute<{ status: string }[]>(
        `select status from ${SCHEMA}.runs where id = ? and tenant_id = ? for update`,
        [runId, tenantId],
      );
      if (!run) throw new NotFound('RUN.NOT_FOUND', 'run_id', 'no such run');
      if (run.status === 'approved') return { released: 0, settled: 0 };
      const held = await em.execute<Held[]>(
        `select o.id, o.customer_id, o.rule_id, o.rule_kind, o.local_date::text as local_date,
                o.invoice_ids::text[] as invoice_ids, r.audience, r.template, o.step
           from ${SCHEMA}.occurrences o join ${SCHEMA}.rules r on r.id = o.rule_id
          where o.run_id = ? and o.status = 'awaiting_approval'`,
        [runId],
      );
      const [releasing, settling] = partition(held, (o) =>
        o.invoice_ids.some((id) => collectible.has(id) || !asked.has(id)),
      );
      // Only those still waiting: one cancelled meanwhile (CancelOccurrence holds its row) stays cancelled.
      const release = await stillWaiting(em, releasing, `status = 'queued'`);
      const settle = await stillWaiting(em, settling, `status = 'skipped', reason = 'settled'`);
      await enqueueMany(
        em,
        SCHEMA,
        release.map((o) =>
          renderJob({
            occurrenceId: o.id,
            tenantId,
            customerId: o.customer_id,
            ruleId: o.rule_id,
            ruleKind: o.rule_kind,
            step: o.step,
            invoiceIds: o.invoice_ids,
            localDate: o.local_date,
            audience: o.audience,
            templateId: o.template,
          }),
        ),
      );
      await em.execute(`update ${SCHEMA}.runs set status = 'approved', approved_at = now() where id = ?`, [runId]);
      return { released: release.length, settled: settle.length };
    });
    this.outbox.nudge();
    return result;
  }

  /** The invoices of the run's waiting reminders, and which of them are collectible now. */
  private async collectibleAmong(tenantId: string, runId: string): Promise<[Set<string>, Set<string>]> {
    const rows = await this.orm.em.fork().execute<{ id: string }[]>(
      `select distinct unnest(invoice_ids)::text as id from ${SCHEMA}.occurrences
        where run_id = ? and tenant_id = ? and status = 'awaiting_approval'`,
      [runId, tenantId],
    );
    const asked = new Set(rows.map((row) => row.id));
    if (asked.size === 0) return [asked, new Set()];
    const collectible = await lastValueFrom(
      this.receivables
        .collectibles(tenantId, { invoiceIds: [...asked] })
        .pipe(reduce((ids, invoice) => ids.add(invoice.invoiceId), new Set<string>())),
    );
    return [asked, collectible];
  }
}

/** Sets the occurrences that still await approval as `set` says; answers those it changed. */
async function stillWaiting(em: EntityManager, occurrences: Held[], set: string): Promise<Held[]> {
  if (occurrences.length === 0) return [];
  const changed = await nativeQuery<{ id: string }>(
    em,
    `update ${SCHEMA}.occurrences set ${set}
      where id = any(?::uuid[]) and status = 'awaiting_approval' returning id`,
    [`{${occurrences.map((o) => o.id).join(',')}}`],
  );
  const ids = new Set(changed.map((row) => row.id));
  return occurrences.filter((o) => ids.has(o.id));
}

function partition<T>(items: T[], keep: (item: T) => boolean): [T[], T[]] {
  const kept = items.filter(keep);
  return [kept, items.filter((item) => !keep(item))];
}
