import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { TenantEntity } from '../../tenants/tenant.entity';
import { InvoiceImport } from './invoice-import';

@Injectable()
export class ImportInvoicesUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  /** A new import for the tenant; feed it batches, then read its result. */
  async start(tenantId: string): Promise<InvoiceImport> {
    const tenant = await this.orm.em
      .fork()
      .findOneOrFail(TenantEntity, { id: tenantId }, { fields: ['defaultPaymentTermDays', 'centsToleranceMinor'] });
    return new InvoiceImport(this.orm, tenantId, tenant.defaultPaymentTermDays, tenant.centsToleranceMinor, () =>
      this.outbox.nudge(),
    );
  }
}
