import { Temporal } from '@js-temporal/polyfill';
import { JsonLogger } from '@chasqui/observability';
import type { Worker } from '@chasqui/platform';
import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Counter, Histogram, type Registry } from 'prom-client';
import { SCHEMA } from '../../database/orm-settings';
import type { RunCycleUseCase } from '../run-cycle/run-cycle.usecase';

/**
 * Runs the cycle for every tenant with active rules, every interval. Replicas
 * share the work through a lease per tenant (one replica runs a tenant's
 * cycle at a time; a crashed replica's lease expires); that it is decided
 * once does not rest on the lease but on the occurrence keys.
 */
export class Ticker implements Worker {
  private readonly replica = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly duration: Histogram;
  private readonly failures: Counter;

  constructor(
    private readonly orm: MikroORM,
    private readonly runCycle: RunCycleUseCase,
    private readonly intervalMs: number,
    private readonly log: JsonLogger,
    registry: Registry,
  ) {
    this.duration = new Histogram({
      name: 'scheduler_tick_seconds',
      help: 'Time one tick took over every tenant this replica ran',
      buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120],
      registers: [registry],
    });
    this.failures = new Counter({
      name: 'scheduler_tick_failures_total',
      help: 'Tenant cycles, or whole ticks (the database away), that failed; the next tick retries',
      registers: [registry],
    });
  }

  start(): Promise<void> {
    if (this.intervalMs > 0) this.schedule();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        if (!this.stopped) this.schedule();
      });
    }, this.intervalMs);
  }

  /**
   * One pass: each tenant this replica wins the lease of, at this instant. A
   * pass that cannot even list the tenants or take a lease (the database away)
   * is counted and logged like a failed cycle; the next tick tries again, and
   * the process lives on.
   */
  async tick(): Promise<void> {
    const end = this.duration.startTimer();
    try {
      await this.pass(Temporal.Now.instant());
    } catch (error) {
      this.failures.inc();
      this.log.error('tick failed; the next tick retries', { error: String(error) });
    } finally {
      end();
    }
  }

  private async pass(asOf: Temporal.Instant): Promise<void> {
    for (const tenantId of await this.tenants()) {
      if (this.stopped) break;
      if (!(await this.lease(tenantId))) continue;
      try {
        const counts = await this.runCycle.execute({ tenantId, asOf });
        if (counts.queued + counts.missed + counts.skipped > 0) this.log.info('cycle decided', { tenantId, ...counts });
      } catch (error) {
        this.failures.inc();
        this.log.error('cycle failed; the next tick retries', { tenantId, error: String(error) });
      } finally {
        await this.release(tenantId);
      }
    }
  }

  private async tenants(): Promise<string[]> {
    const rows = await this.orm.em
      .fork()
      .execute<{ tenant_id: string }[]>(`select distinct tenant_id from ${SCHEMA}.rules where active and not deleted`);
    return rows.map((r) => r.tenant_id);
  }

  /** Takes the tenant's lease for up to five intervals, unless another replica holds it. */
  private async lease(tenantId: string): Promise<boolean> {
    const rows = await this.orm.em.fork().execute(
      `insert into ${SCHEMA}.tenant_leases (tenant_id, holder, until)
       values (?, ?, now() + make_interval(secs => ?))
       on conflict (tenant_id) do update set holder = excluded.holder, until = excluded.until
        where ${SCHEMA}.tenant_leases.until < now() or ${SCHEMA}.tenant_leases.holder = excluded.holder
       returning tenant_id`,
      [tenantId, this.replica, (this.intervalMs * 5) / 1000],
    );
    return rows.length > 0;
  }

  private async release(tenantId: string): Promise<void> {
    await this.orm.em
      .fork()
      .execute(`update ${SCHEMA}.tenant_leases set until = now() where tenant_id = ? and holder = ?`, [
        tenantId,
        this.replica,
      ]);
  }
}
