import { Temporal } from '@js-temporal/polyfill';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { bufferCount, concatMap, lastValueFrom, defaultIfEmpty } from 'rxjs';
import { ReceivablesClient } from '../../grpc/receivables.client';
import { RuleEntity, type Rule } from '../../rules/rule.entity';
import { dueWindow, isInvoiceRule } from '../invoice-steps';
import { decideOccurrence } from '../occurrence-decision';
import { recordOccurrences } from '../record-occurrences';
import type { RunCycleCommand } from './run-cycle.command';

const BATCH = 500;

export interface CycleResult {
  queued: number;
  missed: number;
  skipped: number;
}

/** Decides every reminder due at `asOf` for one tenant, each exactly once. */
@Injectable()
export class RunCycleUseCase {
  private readonly decided: Counter<'status'>;

  constructor(
    private readonly orm: MikroORM,
    private readonly receivables: ReceivablesClient,
    private readonly outbox: OutboxRelay,
    @Inject('GRACE_HOURS') private readonly graceHours: number,
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
    const rules = await this.orm.em.fork().find(RuleEntity, { tenantId, active: true, deleted: false });
    const total: CycleResult = { queued: 0, missed: 0, skipped: 0 };
    for (const rule of rules) {
      const counts = await this.runRule(tenantId, rule, asOf);
      total.queued += counts.queued;
      total.missed += counts.missed;
      total.skipped += counts.skipped;
    }
    for (const [status, count] of Object.entries(total)) this.decided.inc({ status }, count);
    return total;
  }

  private async runRule(tenantId: string, rule: Rule, asOf: Temporal.Instant): Promise<CycleResult> {
    const counts: CycleResult = { queued: 0, missed: 0, skipped: 0 };
    if (!isInvoiceRule(rule)) return counts;
    const decidedAt = new Date(asOf.epochMilliseconds);
    const batches = this.receivables.collectibles(tenantId, dueWindow(rule.schedule, asOf, this.graceHours)).pipe(
      bufferCount(BATCH),
      concatMap(async (items) => {
        const decisions = items.flatMap((item) => decideOccurrence(rule, item, asOf, this.graceHours) ?? []);
        const recorded = await this.orm.em
          .fork()
          .transactional((em) => recordOccurrences(em, tenantId, decisions, decidedAt));
        this.outbox.nudge();
        counts.queued += recorded.queued;
        counts.missed += recorded.missed;
        counts.skipped += recorded.skipped;
      }),
      defaultIfEmpty(undefined),
    );
    await lastValueFrom(batches);
    return counts;
  }
}
