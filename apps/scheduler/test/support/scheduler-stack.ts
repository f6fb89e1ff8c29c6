import type { Metadata } from '@grpc/grpc-js';
import type { receivables, scheduler } from '@chasqui/contracts';
import { ServiceStack, waitFor } from '@chasqui/testing';
import type { Client } from 'pg';
import { firstValueFrom } from 'rxjs';
import { days, instant } from './ledger';

/**
 * receivables (the ledger and the keys) and scheduler as processes on a fresh
 * database and vhost (a ServiceStack), with clients and a SQL probe. Further
 * scheduler processes can join the same database (several replicas).
 */
export class SchedulerStack {
  receivables!: receivables.ReceivablesServiceClient;
  scheduler!: scheduler.SchedulerServiceClient;
  sql!: Client;
  private stack?: ServiceStack;

  /** The vhost the services use, for tests that publish events themselves. */
  get amqpUrl(): string {
    return this.stack!.amqpUrl;
  }

  /** The database the services use, for tests that need a connection of their own (e.g. to hold a lock). */
  get databaseUrl(): string {
    return this.stack!.databaseUrl;
  }

  async start(): Promise<void> {
    this.stack = await ServiceStack.start({
      services: ['receivables', 'scheduler'],
      // Cycles run when a test says, at the instant it says.
      env: { LOG_LEVEL: 'warn', TICK_INTERVAL_MS: '0' },
    });
    this.receivables = this.stack.receivables;
    this.scheduler = this.stack.client<scheduler.SchedulerServiceClient>('scheduler');
    this.sql = this.stack.sql;
  }

  /** One more scheduler process on the same database; returns its client. */
  async replica(extraEnv: Record<string, string> = {}): Promise<scheduler.SchedulerServiceClient> {
    return (await this.replicaProcess(extraEnv)).client;
  }

  /** One more scheduler process on the same database: its client and its OS process. */
  replicaProcess(extraEnv: Record<string, string> = {}) {
    return this.stack!.replica<scheduler.SchedulerServiceClient>('scheduler', extraEnv);
  }

  /** The database's name, for a test that makes it refuse connections. */
  get databaseName(): string {
    return this.stack!.database.name;
  }

  async stop(): Promise<void> {
    await this.stack?.stop();
  }

  /**
   * Waits until receivables' customer.changed has reached the scheduler for
   * each customer (deleted or not, as said): the scheduler refuses policy for
   * a customer it has not heard of, as a caller would see right after CreateCustomer.
   */
  async announced(customerIds: string[], deleted = false): Promise<void> {
    await waitFor(
      async () => {
        const { rows } = await this.sql.query<{ n: number }>(
          `select count(*)::int as n from scheduler.customer_policies
          where customer_id = any($1::uuid[]) and known and deleted = $2`,
          [customerIds, deleted],
        );
        return rows[0].n === new Set(customerIds).size;
      },
      `the scheduler to hear of customers ${customerIds.join(', ')}`,
    );
  }

  /** One cycle a day from `from` to `to` (inclusive), each at `utcTime` — 12:00 in Mexico City by default. */
  async runDaily(auth: Metadata, from: string, to: string, utcTime = '18:00:00Z'): Promise<void> {
    for (const day of days(from, to)) {
      await firstValueFrom(this.scheduler.runCycle({ asOf: instant(`${day}T${utcTime}`) }, auth));
    }
  }

  /** A new tenant; returns its id and the metadata that authenticates as it. */
  async tenant(overrides: Partial<receivables.CreateTenantRequest> = {}): Promise<{ id: string; auth: Metadata }> {
    const { id, auth } = await this.stack!.tenant(overrides);
    return { id, auth };
  }
}
