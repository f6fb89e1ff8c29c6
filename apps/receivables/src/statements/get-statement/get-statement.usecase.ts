import { NotFound } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import { buildStatement, type CurrencyTotal, type StatementLine } from '../statement';
import {
  StatementRepository,
  type ContactProfile,
  type CustomerProfile,
  type TenantProfile,
} from '../statement.repository';
import type { GetStatementCommand } from './get-statement.command';

export interface StatementView {
  tenant: TenantProfile;
  customer: CustomerProfile;
  contacts: ContactProfile[];
  asOf: string;
  lines: StatementLine[];
  totals: CurrencyTotal[];
}

@Injectable()
export class GetStatementUseCase {
  constructor(private readonly statements: StatementRepository) {}

  async execute({ tenantId, customerId, asOf, scope }: GetStatementCommand): Promise<StatementView> {
    const source = await this.statements.read(tenantId, customerId);
    if (!source) throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer');
    const { tenant, customer, contacts, documents } = source;
    return { tenant, customer, contacts, asOf, ...buildStatement(documents, asOf, scope) };
  }
}
