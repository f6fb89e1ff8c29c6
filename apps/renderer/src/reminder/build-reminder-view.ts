import type { receivables } from '@chasqui/contracts';
import { ageBalances } from './aging';
import { cssString } from './brand-view';
import { formatCalendarDate } from './format-date';
import { formatMoney } from './format-money';
import { integerFormat } from './formatters';
import { ReminderError } from './reminder.errors';

export interface DocumentRow {
  number: string;
  issueDate: string;
  dueDate: string;
  /** Days past due, or '—' while not yet due. */
  daysOverdue: string;
  isOverdue: boolean;
  oneDay: boolean;
  currency: string;
  total: string;
  balance: string;
}

export interface CurrencyTotalRow {
  currency: string;
  balance: string;
  overdue: string;
}

export interface AgingRow {
  currency: string;
  current: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  over90: string;
}

/** Everything a template may show, already formatted: templates only place strings. */
export interface ReminderView {
  company: string;
  customerName: string;
  customerTaxId: string;
  asOf: string;
  /** The documents this reminder is about, in statement order. */
  invoices: DocumentRow[];
  invoiceCount: string;
  single: boolean;
  firstInvoiceNumber: string;
  /** One of them is more than 30 days past due: the words grow firmer. */
  longOverdue: boolean;
  /** What the account has overdue, per currency; currencies with nothing overdue left out. */
  overdueTotals: Array<{ currency: string; amount: string }>;
  hasOverdueTotals: boolean;
  /** Every open document, for the statement. */
  statementLines: DocumentRow[];
  statementTotals: CurrencyTotalRow[];
  /** The open balance of each currency by age. */
  statementAging: AgingRow[];
  /** The company's and the customer's names as CSS strings, for the PDF's page box. */
  companyCss: string;
  customerNameCss: string;
}

/**
 * The view of one reminder: the requested invoices that are still owed (one paid
 * since the job was scheduled is left out) and the whole statement.
 */
export function buildReminderView(
  statement: receivables.Statement,
  invoiceIds: string[],
  locale: string,
): ReminderView {
  const { tenant, customer } = statement;
  if (!tenant || !customer) {
    throw new ReminderError('REMINDER.INCOMPLETE_STATEMENT', 'The statement has no tenant or no customer');
  }
  const wanted = new Set(invoiceIds);
  const owed = statement.lines.filter((line) => wanted.has(line.invoiceId) && isPositive(line.balanceMinor));
  const [first] = owed;
  if (!first) {
    throw new ReminderError('REMINDER.NO_OPEN_INVOICES', `None of invoices ${invoiceIds.join(', ')} is still owed`);
  }
  const row = (line: receivables.StatementLine) => documentRow(line, locale);
  const overdueTotals = statement.totals
    .filter((total) => isPositive(total.overdueMinor))
    .map((total) => ({ currency: total.currency, amount: formatMoney(total.overdueMinor, total.currency, locale) }));
  return {
    company: tenant.name,
    customerName: customer.legalName,
    customerTaxId: customer.taxId,
    asOf: formatCalendarDate(statement.asOf, locale),
    invoices: owed.map(row),
    invoiceCount: integerFormat(locale).format(owed.length),
    single: owed.length === 1,
    firstInvoiceNumber: first.number,
    longOverdue: owed.some((line) => line.daysOverdue > 30),
    overdueTotals,
    hasOverdueTotals: overdueTotals.length > 0,
    statementLines: statement.lines.map(row),
    statementTotals: statement.totals.map((total) => ({
      currency: total.currency,
      balance: formatMoney(total.balanceMinor, total.currency, locale),
      overdue: formatMoney(total.overdueMinor, total.currency, locale),
    })),
    statementAging: ageBalances(statement.lines).map((aging) => {
      const money = (minor: bigint) => formatMoney(minor.toString(), aging.currency, locale);
      return {
        currency: aging.currency,
        current: money(aging.current),
        days1to30: money(aging.days1to30),
        days31to60: money(aging.days31to60),
        days61to90: money(aging.days61to90),
        over90: money(aging.over90),
      };
    }),
    companyCss: cssString(tenant.name),
    customerNameCss: cssString(customer.legalName),
  };
}

function documentRow(line: receivables.StatementLine, locale: string): DocumentRow {
  const isOverdue = line.daysOverdue > 0;
  return {
    number: line.number,
    issueDate: formatCalendarDate(line.issueDate, locale),
    dueDate: formatCalendarDate(line.dueDate, locale),
    daysOverdue: isOverdue ? integerFormat(locale).format(line.daysOverdue) : '—',
    isOverdue,
    oneDay: line.daysOverdue === 1,
    currency: line.currency,
    total: formatMoney(line.totalMinor, line.currency, locale),
    balance: formatMoney(line.balanceMinor, line.currency, locale),
  };
}

function isPositive(minor: string): boolean {
  return /^\d+$/.test(minor) && BigInt(minor) > 0n;
}
