import { NotFound } from '@chasqui/errors';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { TenantEntity, type Tenant } from '../tenant.entity';

@Injectable()
export class GetTenantUseCase {
  constructor(private readonly orm: MikroORM) {}

  async execute(tenantId: string): Promise<Tenant> {
    const tenant = await this.orm.em.fork().findOne(TenantEntity, { id: tenantId });
    if (!tenant) throw new NotFound('TENANT.NOT_FOUND', 'x-tenant-id', 'no such tenant');
    return tenant;
  }
}
