import { nativeQuery } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../database/orm-settings';

/**
 * Delinquency episodes as the cycles see them (ARCHITECTURE §5a: an episode
 * ends only when nothing is overdue). An account notice goes out once per
 * episode, so an episode keeps the first day it was seen to start even when
 * the invoice that started it is paid while others stay overdue.
 */
@Injectable()
export class DelinquencyRepository {
  constructor(private readonly orm: MikroORM) {}

  /**
   * Records the tenant's overdue customers now (customer → first overdue day
   * as the ledger shows it): an episode starts for those without one, and
   * ends for those no longer overdue. Answers each overdue customer's episode
   * start. Idempotent, and safe for replicas deciding at once.
   */
  async observe(tenantId: string, overdue: Map<string, string>): Promise<Map<string, string>> {
    const rows = await nativeQuery<{ customer_id: string; since: string }>(
      this.orm.em.fork(),
      `with observed as (
         select o.customer_id, o.since from jsonb_to_recordset(?::jsonb) as o(customer_id uuid, since date)),
       ended as (
         delete from ${SCHEMA}.delinquencies d
          where d.tenant_id = ? and not exists (select 1 from observed o where o.customer_id = d.customer_id)),
       started as (
         insert into ${SCHEMA}.delinquencies (tenant_id, customer_id, since)
         select ?, customer_id, since from observed
         on conflict (tenant_id, customer_id) do nothing
         returning customer_id, since)
       select customer_id, since::text as since from started
       union all
       select d.customer_id, d.since::text from ${SCHEMA}.delinquencies d join observed o using (customer_id)
        where d.tenant_id = ?`,
      [JSON.stringify(asRows(overdue)), tenantId, tenantId, tenantId],
    );
    return new Map(rows.map((row) => [row.customer_id, row.since]));
  }

  /** The account rules whose notice was decided in the customer's episode that began on `since`. */
  async noticed(tenantId: string, customerId: string, since: string): Promise<Set<string>> {
    const rows = await nativeQuery<{ rule_id: string }>(
      this.orm.em.fork(),
      `select rule_id from ${SCHEMA}.occurrence_steps
        where tenant_id = ? and customer_id = ? and target = 'account' and day = ?`,
      [tenantId, customerId, since],
    );
    return new Set(rows.map((row) => row.rule_id));
  }

  /** The episode starts `observe` would answer, recording nothing (a preview). */
  async peek(tenantId: string, overdue: Map<string, string>): Promise<Map<string, string>> {
    const stored = await nativeQuery<{ customer_id: string; since: string }>(
      this.orm.em.fork(),
      `select d.customer_id, d.since::text as since from ${SCHEMA}.delinquencies d
        where d.tenant_id = ? and d.customer_id = any(?::uuid[])`,
      [tenantId, `{${[...overdue.keys()].join(',')}}`],
    );
    const starts = new Map(overdue);
    for (const row of stored) starts.set(row.customer_id, row.since);
    return starts;
  }
}

const asRows = (overdue: Map<string, string>) =>
  [...overdue].map(([customerId, since]) => ({ customer_id: customerId, since }));
