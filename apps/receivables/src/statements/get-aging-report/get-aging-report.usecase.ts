import { receivables } from '@chasqui/contracts';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../../database/orm-settings';
import type { GetAgingReportCommand } from './get-aging-report.command';

/** The tenant's receivables aged per currency, and its largest debtors — aggregated in SQL, not in memory. */
@Injectable()
export class GetAgingReportUseCase {
  constructor(private readonly orm: MikroORM) {}

  async execute({ tenantId, asOf, topDebtors }: GetAgingReportCommand): Promise<receivables.GetAgingReportResponse> {
    const em = this.orm.em.fork();
    const totals = await em.execute<TotalsRow[]>(
      `select currency,
              sum(balance_minor)::text as balance,
              coalesce(sum(balance_minor) filter (where d > 0), 0)::text as overdue,
              coalesce(sum(balance_minor) filter (where d <= 0), 0)::text as current,
              coalesce(sum(balance_minor) filter (where d between 1 and 30), 0)::text as d30,
              coalesce(sum(balance_minor) filter (where d between 31 and 60), 0)::text as d60,
              coalesce(sum(balance_minor) filter (where d between 61 and 90), 0)::text as d90,
              coalesce(sum(balance_minor) filter (where d > 90), 0)::text as over90
         from (select currency, balance_minor, ?::date - due_date as d
                 from ${SCHEMA}.invoices where tenant_id = ? and balance_minor > 0) open
        group by currency order by currency`,
      [asOf, tenantId],
    );
    const debtors = await em.execute<DebtorRow[]>(
      `select c.id, c.legal_name, i.currency,
              sum(i.balance_minor)::text as balance,
              coalesce(sum(i.balance_minor) filter (where i.due_date < ?::date), 0)::text as overdue,
              greatest(max(?::date - i.due_date), 0) as oldest
         from ${SCHEMA}.invoices i join ${SCHEMA}.customers c on c.id = i.customer_id
        where i.tenant_id = ? and i.balance_minor > 0
        group by c.id, c.legal_name, i.currency
        order by sum(i.balance_minor) filter (where i.due_date < ?::date) desc nulls last, sum(i.balance_minor) desc, c.id
        limit ?`,
      [asOf, asOf, tenantId, asOf, topDebtors],
    );
    return {
      asOf,
      totals: totals.map((t) => ({
        currency: t.currency,
        balanceMinor: t.balance,
        overdueMinor: t.overdue,
        aging: {
          currentMinor: t.current,
          overdue1to30Minor: t.d30,
          overdue31to60Minor: t.d60,
          overdue61to90Minor: t.d90,
          overdueOver90Minor: t.over90,
        },
      })),
      topDebtors: debtors.map((d) => ({
        customerId: d.id,
        legalName: d.legal_name,
        currency: d.currency,
        balanceMinor: d.balance,
        overdueMinor: d.overdue,
        oldestDaysOverdue: d.oldest,
      })),
    };
  }
}

interface TotalsRow {
  currency: string;
  balance: string;
  overdue: string;
  current: string;
  d30: string;
  d60: string;
  d90: string;
  over90: string;
}

interface DebtorRow {
  id: string;
  legal_name: string;
  currency: string;
  balance: string;
  overdue: string;
  oldest: number;
}
