import type { Rule } from '../rules/rule.entity';

/** A customer's own settings; customers nobody touched are enrolled, unpaused, with every rule as set. */
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
  ) {}

  static empty(): PolicyBook {
    return new PolicyBook(new Map(), []);
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
    if (!policy) return undefined;
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
