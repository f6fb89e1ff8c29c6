import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import type { Step } from '../calendar/step-calendar';
import { accountCalendar, isAccountRule } from '../cycles/account-steps';
import { invoiceCalendar, isInvoiceRule } from '../cycles/invoice-steps';
import { addToAccounts, isStatementRule, statementCalendar, type CustomerAccount } from '../cycles/statement-steps';
import type { PolicyBook } from '../policy/policy-book';
import type { Rule } from '../rules/rule.entity';

/** One reminder a rule would send (or skip, and why) if nothing is paid. */
export interface ForecastItem {
  ruleId: string;
  ruleKind: Rule['kind'];
  localDate: string;
  fireAt: string;
  invoiceIds: string[];
  /** Empty: it would be sent. */
  skipReason: string;
}

/**
 * What the rules will do for one customer between two instants if the ledger
 * stays as it is (nothing paid, nothing new): ARCHITECTURE §5a's calendar,
 * grouping and the customer's policy, without the moment-of-sending checks
 * (grace, deliverable contacts) that only the cycle can judge. Pure.
 */
export function forecastCustomer(
  rules: Rule[],
  invoices: receivables.Collectible[],
  policy: PolicyBook,
  from: Temporal.Instant,
  to: Temporal.Instant,
  /** Account rules whose notice the customer's current delinquency episode already had. */
  noticed: Set<string> = new Set(),
): ForecastItem[] {
  const accounts = new Map<string, CustomerAccount>();
  for (const invoice of invoices) addToAccounts(accounts, invoice);
  const [account] = accounts.values();
  if (!account) return [];
  const items: ForecastItem[] = [];
  const add = (rule: Rule, step: Step, invoiceIds: string[]) => {
    if (invoiceIds.length === 0) return;
    const localDate = step.localDate.toString();
    items.push({
      ruleId: rule.id,
      ruleKind: rule.kind,
      localDate,
      fireAt: step.fireAt.toString(),
      invoiceIds,
      skipReason: policy.skipReason(rule, account, localDate) ?? '',
    });
  };
  for (const rule of rules.filter((r) => policy.applies(r, account.customerId))) {
    if (isInvoiceRule(rule)) {
      const byDay = new Map<string, { step: Step; invoiceIds: string[] }>();
      for (const invoice of invoices) {
        for (const step of invoiceCalendar(rule, invoice).between(from, to)) {
          if (rule.grouping === 'per_invoice') add(rule, step, [invoice.invoiceId]);
          else {
            const day = byDay.get(step.localDate.toString()) ?? { step, invoiceIds: [] };
            day.invoiceIds.push(invoice.invoiceId);
            byDay.set(step.localDate.toString(), day);
          }
        }
      }
      for (const { step, invoiceIds } of byDay.values()) add(rule, step, invoiceIds);
    } else if (isStatementRule(rule)) {
      for (const step of statementCalendar(rule, account).between(from, to)) {
        const date = step.localDate.toString();
        const inScope = account.invoices.filter((i) => rule.schedule.documents === 'all_open' || i.dueDate < date);
        add(
          rule,
          step,
          inScope.map((i) => i.invoiceId),
        );
      }
    } else if (isAccountRule(rule) && account.delinquencyLimitDays > 0 && !noticed.has(rule.id)) {
      const anchor = Temporal.PlainDate.from(account.invoices[0].dueDate);
      for (const step of accountCalendar(rule, account, anchor, account.delinquencyLimitDays).between(from, to)) {
        const date = step.localDate.toString();
        add(
          rule,
          step,
          account.invoices.filter((i) => i.dueDate < date).map((i) => i.invoiceId),
        );
      }
    }
  }
  return items.sort((a, b) => a.fireAt.localeCompare(b.fireAt) || a.ruleId.localeCompare(b.ruleId));
}
