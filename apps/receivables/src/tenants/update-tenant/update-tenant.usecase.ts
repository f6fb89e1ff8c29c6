import { InvalidArgument, NotFound } from '@chasqui/errors';
import { OutboxRelay } from '@chasqui/messaging';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { checkTaxId } from '../../ledger/tax-id';
import { changeTenant } from '../tenant-change';
import { announceTenant } from '../tenant-events';
import { TenantEntity, type Tenant } from '../tenant.entity';
import type { UpdateTenantCommand } from './update-tenant.command';

/** Changes the tenant's profile and settings and publishes tenant.changed, in one transaction. */
@Injectable()
export class UpdateTenantUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(command: UpdateTenantCommand): Promise<Tenant> {
    const { tenant, changed } = await this.orm.em.fork().transactional(async (em) => {
      const tenant = await em.findOne(TenantEntity, { id: command.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!tenant) throw new NotFound('TENANT.NOT_FOUND', 'x-tenant-id', 'no such tenant');
      let taxId: string | undefined;
      if (command.taxId != null) {
        const checked = checkTaxId(tenant.country, command.taxId);
        if (!checked.ok) {
          throw new InvalidArgument('TENANT.TAX_ID_INVALID', [{ field: 'tax_id', description: checked.reason }]);
        }
        taxId = checked.normalised;
      }
      const change = changeTenant(tenant, { ...command, taxId });
      if (change.changed.length === 0) return { tenant, changed: false };
      Object.assign(tenant, change.tenant);
      await em.flush();
      await announceTenant(em, tenant);
      return { tenant, changed: true };
    });
    if (changed) this.outbox.nudge();
    return tenant;
  }
}
