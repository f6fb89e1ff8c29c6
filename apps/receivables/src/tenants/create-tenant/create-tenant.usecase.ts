import { InvalidArgument } from '@chasqui/errors';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { checkTaxId } from '../../ledger/tax-id';
import { hashApiKey, newApiKey } from '../api-key';
import { TenantEntity, type Tenant } from '../tenant.entity';
import type { CreateTenantCommand } from './create-tenant.command';

@Injectable()
export class CreateTenantUseCase {
  constructor(private readonly orm: MikroORM) {}

  async execute(command: CreateTenantCommand): Promise<{ tenant: Tenant; apiKey: string }> {
    const taxId = checkTaxId(command.country, command.taxId);
    if (!taxId.ok) throw new InvalidArgument('TENANT.TAX_ID_INVALID', [{ field: 'tax_id', description: taxId.reason }]);
    const apiKey = newApiKey();
    const em = this.orm.em.fork();
    const { settings, ...identity } = command;
    const tenant = em.create(TenantEntity, {
      id: randomUUID(),
      ...identity,
      ...settings,
      taxId: taxId.normalised,
      pastInvoicesStartDate: settings.pastInvoicesStartDate || null,
      newInvoicesStartDate: settings.newInvoicesStartDate || null,
      apiKeyHash: hashApiKey(apiKey),
      createdAt: new Date(),
    });
    await em.flush();
    return { tenant, apiKey };
  }
}
