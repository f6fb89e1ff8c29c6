import { nativeQuery } from '@chasqui/persistence';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../database/orm-settings';
import { DEFAULT_PAUSE_DAYS_AFTER_REPLY } from './settings/default-settings';

/** Why a customer is paused: PauseCustomer, a person's reply, a promise to pay. */
export type PauseSource = 'manual' | 'replied' | 'promise_to_pay';

export interface PauseRow {
  customer_id: string;
  legal_name: string;
  /** The last local date of the pause, YYYY-MM-DD. */
  until: string;
  /** Null only for a pause from before pauses said why (a manual one). */
  source: PauseSource | null;
  note: string | null;
}

/**
 * The per-customer policy rows. Each customer receivables announced has one
 * (customer.changed inserts it, `known`); the setters only update those, so a
 * customer id receivables never announced (or deleted) stores nothing. Each
 * setter answers the customers it changed.
 */
@Injectable()
export class CustomerPoliciesRepository {
  async setEnrollment(em: EntityManager, tenantId: string, customerIds: string[], enrolled: boolean) {
    const rows = await nativeQuery<{ customer_id: string }>(
      em,
      `update ${SCHEMA}.customer_policies set enrolled = ?, updated_at = now()
        where tenant_id = ? and customer_id = any(?::uuid[]) and known and not deleted
        returning customer_id`,
      [enrolled, tenantId, customerIds],
    );
    return rows.map((r) => r.customer_id);
  }

  async pause(em: EntityManager, tenantId: string, customerId: string, until: string, reason: string | null) {
    return this.changed(
      em,
      `set paused_until = ?, pause_source = 'manual', pause_reason = ?, updated_at = now()`,
      [until, reason],
      tenantId,
      customerId,
    );
  }

  async resume(em: EntityManager, tenantId: string, customerId: string) {
    return this.changed(
      em,
      `set paused_until = null, pause_source = null, pause_reason = null, updated_at = now()`,
      [],
      tenantId,
      customerId,
    );
  }

  /** `on` null: back to the rule's own active flag. */
  async setRuleSwitch(em: EntityManager, tenantId: string, customerId: string, ruleId: string, on: boolean | null) {
    return this.changed(
      em,
      `set rule_switches = case when ?::boolean is null then rule_switches - ?::text
                                else rule_switches || jsonb_build_object(?::text, ?::boolean) end,
            updated_at = now()`,
      [on, ruleId, ruleId, on],
      tenantId,
      customerId,
    );
  }

  /**
   * A customer as receivables announced it (customer.changed): its name and
   * tax id for exclusions, and whether it was deleted; a new one starts
   * enrolled or not as the tenant chose. An upsert: an event seen twice has one effect.
   */
  async recordCustomer(
    em: EntityManager,
    tenantId: string,
    customer: { id: string; legalName: string; taxId: string },
    deleted: boolean,
  ): Promise<void> {
    await nativeQuery(
      em,
      `insert into ${SCHEMA}.customer_policies (tenant_id, customer_id, legal_name, tax_id, known, deleted, enrolled)
       values (?, ?, ?, ?, true, ?,
               coalesce((select new_customers_enrolled from ${SCHEMA}.tenant_settings where tenant_id = ?), true))
       on conflict (tenant_id, customer_id) do update
         set legal_name = excluded.legal_name, tax_id = excluded.tax_id, known = true,
             deleted = excluded.deleted, updated_at = now()`,
      [tenantId, customer.id, customer.legalName, customer.taxId, deleted, tenantId],
    );
  }

  /**
   * A reply pauses the customer through `promisedDate` when one was promised,
   * else for the tenant's days-after-reply counted from the day it arrived.
   * Only ever lengthens a pause, so a redelivered reply has no second effect.
   */
  async pauseAfterReply(
    em: EntityManager,
    reply: { tenantId: string; customerId: string; receivedAt: Date; promisedDate: string | null },
  ): Promise<void> {
    const { tenantId, customerId, receivedAt, promisedDate } = reply;
    await nativeQuery(
      em,
      `with until as (
         select case when ?::boolean then ?::date
                     else (?::timestamptz at time zone 'UTC')::date
                          + coalesce((select pause_days_after_reply from ${SCHEMA}.tenant_settings
                                       where tenant_id = ?), ${DEFAULT_PAUSE_DAYS_AFTER_REPLY}) - 1
                end as day)
       insert into ${SCHEMA}.customer_policies (tenant_id, customer_id, paused_until, pause_source, enrolled)
       select ?, ?, day, ?,
              coalesce((select new_customers_enrolled from ${SCHEMA}.tenant_settings where tenant_id = ?), true)
         from until
        where day >= (?::timestamptz at time zone 'UTC')::date
       on conflict (tenant_id, customer_id) do update
         set paused_until = excluded.paused_until, pause_source = excluded.pause_source, pause_reason = null,
             updated_at = now()
         where customer_policies.paused_until is null or customer_policies.paused_until < excluded.paused_until`,
      [
        promisedDate !== null,
        promisedDate,
        receivedAt,
        tenantId,
        tenantId,
        customerId,
        promisedDate !== null ? 'promise_to_pay' : 'replied',
        tenantId,
        receivedAt,
      ],
    );
  }

  /**
   * The tenant's pauses whose last day is `from` or later, soonest ending
   * first (keyset on paused_until, customer_id); deleted customers aside.
   */
  listPauses(
    em: EntityManager,
    tenantId: string,
    from: string,
    limit: number,
    after?: { until: string; customerId: string },
  ): Promise<PauseRow[]> {
    return nativeQuery<PauseRow>(
      em,
      `select customer_id, legal_name, paused_until::text as until, pause_source as source, pause_reason as note
         from ${SCHEMA}.customer_policies
        where tenant_id = ? and paused_until >= ?::date and not deleted
          and (?::date is null or (paused_until, customer_id) > (?::date, ?::uuid))
        order by paused_until, customer_id
        limit ?`,
      [tenantId, from, after?.until ?? null, after?.until ?? null, after?.customerId ?? null, limit],
    );
  }

  /** A customer receivables announced (deleted or not), as it did; undefined for an id it never announced. */
  async announced(
    em: EntityManager,
    tenantId: string,
    customerId: string,
  ): Promise<{ legalName: string; taxId: string; deleted: boolean } | undefined> {
    const [row] = await nativeQuery<{ legal_name: string; tax_id: string; deleted: boolean }>(
      em,
      `select legal_name, tax_id, deleted from ${SCHEMA}.customer_policies
        where tenant_id = ? and customer_id = ? and known`,
      [tenantId, customerId],
    );
    return row && { legalName: row.legal_name, taxId: row.tax_id, deleted: row.deleted };
  }

  /** Among the customers receivables has announced (and not deleted). */
  async enrollmentCounts(em: EntityManager, tenantId: string): Promise<{ enrolled: number; notEnrolled: number }> {
    const [row] = await nativeQuery<{ enrolled: number; not_enrolled: number }>(
      em,
      `select count(*) filter (where enrolled)::int as enrolled, count(*) filter (where not enrolled)::int as not_enrolled
         from ${SCHEMA}.customer_policies where tenant_id = ? and known and not deleted`,
      [tenantId],
    );
    return { enrolled: row.enrolled, notEnrolled: row.not_enrolled };
  }

  private async changed(em: EntityManager, set: string, params: unknown[], tenantId: string, customerId: string) {
    const rows = await nativeQuery<{ customer_id: string }>(
      em,
      `update ${SCHEMA}.customer_policies ${set}
        where tenant_id = ? and customer_id = ? and known and not deleted returning customer_id`,
      [...params, tenantId, customerId],
    );
    return rows.length > 0;
  }
}
