import type { EntityManager } from '@mikro-orm/postgresql';
import { SCHEMA } from '../database/orm-settings';
import {
  DEFAULT_TENANT_POLICY,
  PolicyBook,
  type CustomerPolicy,
  type Exclusion,
  type TenantPolicy,
} from './policy-book';

/**
 * The tenant's policy: its own choices, the customers whose settings differ
 * from how the tenant starts new ones (the rest are as new customers start),
 * and its exclusions.
 */
export async function loadPolicyBook(
  em: EntityManager,
  tenantId: string,
  /** Only this customer's settings (a decision about one customer). */
  only?: { customerId: string },
): Promise<PolicyBook> {
  const [settings] = await em.execute<
    { new_customers_enrolled: boolean; late_issue_notices: TenantPolicy['lateIssueNotices'] }[]
  >(`select new_customers_enrolled, late_issue_notices from ${SCHEMA}.tenant_settings where tenant_id = ?`, [tenantId]);
  const tenant: TenantPolicy = settings
    ? { newCustomersEnrolled: settings.new_customers_enrolled, lateIssueNotices: settings.late_issue_notices }
    : DEFAULT_TENANT_POLICY;
  const [policies, exclusions] = await Promise.all([
    em.execute<
      { customer_id: string; enrolled: boolean; paused_until: string | null; rule_switches: Record<string, boolean> }[]
    >(
      `select customer_id, enrolled, paused_until::text as paused_until, rule_switches
         from ${SCHEMA}.customer_policies
        where tenant_id = ? and (enrolled <> ? or paused_until is not null or rule_switches <> '{}'::jsonb)
          and (?::uuid is null or customer_id = ?::uuid)`,
      [tenantId, tenant.newCustomersEnrolled, only?.customerId ?? null, only?.customerId ?? null],
    ),
    em.execute<{ id: string; rule_id: string | null; match: Exclusion['match']; value: string }[]>(
      `select id, rule_id, match, value from ${SCHEMA}.exclusions where tenant_id = ?`,
      [tenantId],
    ),
  ]);
  return new PolicyBook(
    new Map(
      policies.map((p): [string, CustomerPolicy] => [
        p.customer_id,
        { enrolled: p.enrolled, pausedUntil: p.paused_until, ruleSwitches: p.rule_switches },
      ]),
    ),
    exclusions.map((e) => ({ id: e.id, ruleId: e.rule_id, match: e.match, value: e.value })),
    tenant,
  );
}
