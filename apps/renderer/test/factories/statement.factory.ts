import type { receivables } from '@chasqui/contracts';

// Test data for the renderer. Belongs in libs/testing (STYLE.md) once that lib has a home for factories.

export function aTenant(overrides: Partial<receivables.Tenant> = {}): receivables.Tenant {
  return {
    id: 'tenant-1',
    name: 'Distribuidora del Norte S.A. de C.V.',
    country: 'MX',
    timeZone: 'America/Mexico_City',
    defaultCurrency: 'MXN',
    locale: 'es-MX',
    taxId: '',
    ...overrides,
  };
}

export function aCustomer(overrides: Partial<receivables.Customer> = {}): receivables.Customer {
  return {
    id: 'customer-1',
    externalId: 'C-001',
    legalName: 'Comercial López S.A. de C.V.',
    taxId: 'CLO010203AB1',
    timeZone: '',
    locale: '',
    contacts: [],
    ...overrides,
  };
}

export function aLine(overrides: Partial<receivables.StatementLine> = {}): receivables.StatementLine {
  return {
    invoiceId: 'inv-1',
    number: 'A-1001',
    issueDate: '2025-02-01',
    dueDate: '2025-03-03',
    currency: 'MXN',
    totalMinor: '123456',
    balanceMinor: '123456',
    daysOverdue: 28,
    ...overrides,
  };
}

/** A statement whose totals add up its lines, as receivables computes them, unless given. */
export function aStatement(overrides: Partial<receivables.Statement> = {}): receivables.Statement {
  const lines = overrides.lines ?? [aLine()];
  return {
    tenant: aTenant(),
    customer: aCustomer(),
    asOf: '2025-03-31',
    lines,
    totals: totalsOf(lines),
    ...overrides,
  };
}

function totalsOf(lines: receivables.StatementLine[]): receivables.CurrencyTotal[] {
  const byCurrency = new Map<string, { balance: bigint; overdue: bigint }>();
  for (const line of lines) {
    const sum = byCurrency.get(line.currency) ?? { balance: 0n, overdue: 0n };
    sum.balance += BigInt(line.balanceMinor);
    if (line.daysOverdue > 0) sum.overdue += BigInt(line.balanceMinor);
    byCurrency.set(line.currency, sum);
  }
  return [...byCurrency].map(([currency, sum]) => ({
    currency,
    balanceMinor: sum.balance.toString(),
    overdueMinor: sum.overdue.toString(),
  }));
}
