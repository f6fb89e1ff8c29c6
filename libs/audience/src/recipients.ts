import type { receivables, scheduler } from '@chasqui/contracts';

export interface Recipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

const NOBODY: Recipients = { to: [], cc: [], bcc: [] };

/**
 * Who a reminder goes to — as the renderer addresses it and the scheduler's
 * preview shows it: the customer's contacts that receive reminders and
 * are deliverable — only those of the rule's roles when it names some — plus
 * the rule's extra recipients, cc and bcc, each address once. Without a
 * customer contact there is no reminder (copies alone are not one). A test
 * goes to its one address only.
 */
export function recipients(
  contacts: receivables.Contact[],
  audience: scheduler.Audience | undefined,
  testTo = '',
): Recipients {
  if (testTo) return { to: [testTo], cc: [], bcc: [] };
  const roles = new Set((audience?.contactRoles ?? []).map(normalized));
  const customer = contacts
    .filter((c) => c.receivesReminders && !c.undeliverable)
    .filter((c) => roles.size === 0 || roles.has(normalized(c.role)))
    .map((c) => c.email);
  if (customer.length === 0) return NOBODY;
  const seen = new Set<string>();
  const once = (addresses: string[]) =>
    addresses.filter((address) => {
      const key = address.trim().toLowerCase();
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const to = once([...customer, ...(audience?.extraRecipients ?? [])]);
  return { to, cc: once(audience?.cc ?? []), bcc: once(audience?.bcc ?? []) };
}

/**
 * Whether a rule's audience reaches a customer whose contacts that receive
 * reminders and are deliverable have these roles: any of them when the
 * audience names no role, else one of its roles (as `recipients` chooses).
 */
export function reachesCustomer(audience: Pick<scheduler.Audience, 'contactRoles'> | undefined, roles: string[]) {
  if (roles.length === 0) return false;
  const wanted = new Set((audience?.contactRoles ?? []).map(normalized));
  return wanted.size === 0 || roles.some((role) => wanted.has(normalized(role)));
}

/** 'Cobranza', 'cobranza ' and 'COBRANZA' are one role. */
function normalized(role: string): string {
  return role
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}
