import type { Rule } from '../rules/rule.entity';

/**
 * What a tenant chose for all its customers: whether customers start enrolled
 * (a customer without a policy of its own is as new customers start), and
 * whether late issue notices are sent late or recorded missed.
 */
export interface TenantPolicy {
  newCustomersEnrolled: boolean;
  lateIssueNotices: 'missed' | 'send_late';
}

export const DEFAULT_TENANT_POLICY: TenantPolicy = { newCustomersEnrolled: true, lateIssueNotices: 'missed' };

/**
 * A customer's own settings; customers nobody touched are as the tenant starts
 * new customers (enrolled unless it chose otherwise), unpaused, with every rule as set.
 */
export interface CustomerPolicy {
  enrolled: boolean;
  /** Last local date of a pause, YYYY-MM-DD. */
  pausedUntil: string | null;
  /** Rule id → on (true) or off (false), overriding the rule's own active flag. */
  ruleSwitches: Record<string, boolean>;
}

export interface Exclusion {
  id: string;
  ruleId: string | null;
  match: 'tax_id' | 'name';
  value: string;
}

/** Legal names compared as people read them: no case, no accents, single spaces. */
export function normaliseName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export const normaliseTaxId = (taxId: string) => taxId.replace(/[\s.]/g, '').toUpperCase();

/**
 * One tenant's policy as a cycle reads it (ARCHITECTURE §5a, eligibility):
 * whether a rule applies to a customer at all, and if it does, why a step
 * must not be sent.
 */
export class PolicyBook {
  constructor(
    private readonly policies: Map<string, CustomerPolicy>,
    private readonly exclusions: Exclusion[],
    /** The tenant's own choices; the defaults unless it set them. */
    readonly tenant: TenantPolicy = DEFAULT_TENANT_POLICY,
  ) {}

  static empty(): PolicyBook {
    return new PolicyBook(new Map(), []);
  }

  /** An issue notice past its grace period goes out late, by the tenant's choice, instead of being missed. */
  get sendsLateIssueNotices(): boolean {
    return this.tenant.lateIssueNotices === 'send_late';
  }

  /**
   * The rule decides for this customer: it is active, or switched on for the
   * customer. (Switched off, it still decides — to record the skip, 'rule_off'.)
   */
  applies(rule: Rule, customerId: string): boolean {
    return rule.active || this.policies.get(customerId)?.ruleSwitches[rule.id] === true;
  }

  /** Customers switched on for a rule that is itself inactive. */
  switchedOn(rule: Rule): boolean {
    for (const policy of this.policies.values()) if (policy.ruleSwitches[rule.id] === true) return true;
    return false;
  }

  /** Why a step that fired must be skipped for this customer on `localDate`, or undefined. */
  skipReason(
    rule: Rule,
    customer: { customerId: string; name: string; taxId: string },
    localDate: string,
  ): string | undefined {
    if (this.excluded(rule, customer)) return 'excluded';
    const policy = this.policies.get(customer.customerId);
    if (!policy) return this.tenant.newCustomersEnrolled ? undefined : 'not_enrolled';
    if (!policy.enrolled) return 'not_enrolled';
    if (policy.pausedUntil && localDate <= policy.pausedUntil) return 'paused';
    if (policy.ruleSwitches[rule.id] === false) return 'rule_off';
    return undefined;
  }

  private excluded(rule: Rule, customer: { name: string; taxId: string }): boolean {
    if (this.exclusions.length === 0) return false;
    const name = normaliseName(customer.name);
    const taxId = normaliseTaxId(customer.taxId);
    return this.exclusions.some(
      (e) =>
        (e.ruleId === null || e.ruleId === rule.id) &&
        (e.match === 'tax_id' ? taxId !== '' && e.value === taxId : e.value === name),
    );
  }
}
