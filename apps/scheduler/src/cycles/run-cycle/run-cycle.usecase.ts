import { Temporal } from '@js-temporal/polyfill';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { SCHEMA } from '../../database/orm-settings';
import type { Rule } from '../../rules/rule.entity';
import { CycleDecider } from '../cycle-decider';
import { planOccurrences } from '../occurrence-plan';
import { recordOccurrences, type RecordedCounts } from '../record-occurrences';
import { approvalRequired, openRun } from '../open-run';
import { loadPolicyBook } from '../../policy/load-policy-book';
import type { TargetDecision } from '../target-decision';
import type { RunCycleCommand } from './run-cycle.command';

const STATUSES = ['queued', 'missed', 'skipped', 'awaitingApproval'] as const;

/** Occurrences stored per transaction, and transactions in flight at once. */
const BATCH = 1000;
const WRITERS = 2;

/** What a cycle recorded; `runId`: the run its reminders wait in for approval, if approval is required. */
export type CycleResult = RecordedCounts & { runId: string };

/**
 * Decides every reminder due at `asOf` for one tenant, each exactly once:
 * rule by rule, the ledger as it is now (receivables' collectible invoices)
 * against each rule's calendar.
 */
@Injectable()
export class RunCycleUseCase {
  private readonly decided: Counter<'status'>;

  constructor(
    private readonly orm: MikroORM,
    private readonly decider: CycleDecider,
    private readonly outbox: OutboxRelay,
    registry: Registry,
  ) {
    this.decided = new Counter({
      name: 'scheduler_occurrences_total',
      help: 'Occurrences decided, by status: queued, missed, skipped, awaitingApproval',
      labelNames: ['status'],
      registers: [registry],
    });
  }

  async execute({ tenantId, asOf }: RunCycleCommand): Promise<CycleResult> {
    const em = this.orm.em.fork();
    const policy = await loadPolicyBook(em, tenantId);
    const hold = await approvalRequired(em, tenantId);
    const total: CycleResult = { queued: 0, missed: 0, skipped: 0, awaitingApproval: 0, runId: '' };
    for (const rule of await this.decider.rules(em, tenantId, policy)) {
      const decisions = await this.decider.decide(tenantId, rule, asOf, policy);
      const counts = await this.record(tenantId, rule, decisions, asOf, hold);
      await this.advance(rule, asOf);
      for (const status of STATUSES) total[status] += counts[status];
      total.runId = counts.runId || total.runId;
    }
    for (const status of STATUSES) this.decided.inc({ status }, total[status]);
    return total;
  }

  /**
   * The rule is decided through `asOf` now, never moved back (a replica may
   * finish an older cycle later); its first completed cycle started it.
   */
  private async advance(rule: Rule, asOf: Temporal.Instant): Promise<void> {
    const at = new Date(asOf.epochMilliseconds);
    await this.orm.em.fork().execute(
      `update ${SCHEMA}.rules set decided_through = greatest(decided_through, ?),
                started_at = least(started_at, ?) where id = ?`,
      [at, at, rule.id],
    );
  }

  private async record(
    tenantId: string,
    rule: Rule,
    decisions: TargetDecision[],
    asOf: Temporal.Instant,
    hold: boolean,
  ): Promise<CycleResult> {
    const counts: CycleResult = { queued: 0, missed: 0, skipped: 0, awaitingApproval: 0, runId: '' };
    const plans = planOccurrences(rule.grouping, decisions);
    const decidedAt = new Date(asOf.epochMilliseconds);
    let next = 0;
    const writer = async () => {
      while (next < plans.length) {
        const batch = plans.slice(next, (next += BATCH));
        const recorded = await this.orm.em.fork().transactional(async (em) => {
          const sends = batch.some((plan) => plan.decisions.some((d) => d.status === 'queued'));
          const runId = hold && sends ? await openRun(em, tenantId, decidedAt) : '';
          return { ...(await recordOccurrences(em, rule, batch, decidedAt, runId || undefined)), runId };
        });
        this.outbox.nudge();
        for (const status of STATUSES) counts[status] += recorded[status];
        counts.runId = recorded.runId || counts.runId;
      }
    };
    // Batches hold disjoint steps: written side by side, they never wait on each other.
    await Promise.all(Array.from({ length: WRITERS }, writer));
    return counts;
  }
}
