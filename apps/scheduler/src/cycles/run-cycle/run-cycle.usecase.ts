import { Temporal } from '@js-temporal/polyfill';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { SCHEMA } from '../../database/orm-settings';
import type { Rule } from '../../rules/rule.entity';
import { CycleDecider } from '../cycle-decider';
import { planOccurrences } from '../occurrence-plan';
import { recordOccurrences } from '../record-occurrences';
import { loadPolicyBook } from '../../policy/load-policy-book';
import type { OccurrenceStatus, TargetDecision } from '../target-decision';
import type { RunCycleCommand } from './run-cycle.command';

/** Occurrences stored per transaction, and transactions in flight at once. */
const BATCH = 1000;
const WRITERS = 2;

export type CycleResult = Record<OccurrenceStatus, number>;

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
      help: 'Occurrences decided, by status: queued, missed, skipped',
      labelNames: ['status'],
      registers: [registry],
    });
  }

  async execute({ tenantId, asOf }: RunCycleCommand): Promise<CycleResult> {
    const em = this.orm.em.fork();
    const policy = await loadPolicyBook(em, tenantId);
    const total: CycleResult = { queued: 0, missed: 0, skipped: 0 };
    for (const rule of await this.decider.rules(em, tenantId, policy)) {
      const decisions = await this.decider.decide(tenantId, rule, asOf, policy);
      const counts = await this.record(tenantId, rule, decisions, asOf);
      await this.advance(rule, asOf);
      for (const status of Object.keys(total) as OccurrenceStatus[]) total[status] += counts[status];
    }
    for (const [status, count] of Object.entries(total)) this.decided.inc({ status }, count);
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

  private async record(tenantId: string, rule: Rule, decisions: TargetDecision[], asOf: Temporal.Instant) {
    const counts: CycleResult = { queued: 0, missed: 0, skipped: 0 };
    const plans = planOccurrences(rule.grouping, decisions);
    const decidedAt = new Date(asOf.epochMilliseconds);
    let next = 0;
    const writer = async () => {
      while (next < plans.length) {
        const batch = plans.slice(next, (next += BATCH));
        const recorded = await this.orm.em
          .fork()
          .transactional((em) => recordOccurrences(em, tenantId, batch, decidedAt));
        this.outbox.nudge();
        for (const status of Object.keys(counts) as OccurrenceStatus[]) counts[status] += recorded[status];
      }
    };
    // Batches hold disjoint steps: written side by side, they never wait on each other.
    await Promise.all(Array.from({ length: WRITERS }, writer));
    return counts;
  }
}
