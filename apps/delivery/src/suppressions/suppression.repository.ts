import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../database/orm-settings';
import { SuppressionEntity, type Suppression } from './suppression.entity';

/** The suppression list, one tenant at a time: every read and write names the tenant. */
@Injectable()
export class SuppressionRepository {
  constructor(private readonly orm: MikroORM) {}

  /** Which of these addresses the tenant has suppressed. */
  among(em: EntityManager, tenantId: string, addresses: string[]): Promise<Suppression[]> {
    if (addresses.length === 0) return Promise.resolve([]);
    return em.find(SuppressionEntity, { tenantId, address: { $in: addresses.map((a) => a.toLowerCase()) } });
  }

  /** The same, outside a transaction. */
  find(tenantId: string, addresses: string[]): Promise<Suppression[]> {
    return this.among(this.orm.em.fork(), tenantId, addresses);
  }

  /**
   * Suppresses the address unless it already is (the first reason stays);
   * true when this call suppressed it. A concurrent insert of the same
   * address waits for the other to commit, then finds it there.
   */
  async add(em: EntityManager, suppression: Suppression): Promise<boolean> {
    const { tenantId, address, reason, detail, messageId, createdAt } = suppression;
    const rows: unknown[] = await em.execute(
      `insert into ${SCHEMA}.suppressions (tenant_id, address, reason, detail, message_id, created_at)
       values (?, ?, ?, ?, ?, ?) on conflict do nothing returning address`,
      [tenantId, address.toLowerCase(), reason, detail.slice(0, 2000), messageId, createdAt],
    );
    return rows.length === 1;
  }

  /** Newest first, after the cursor (created_at, address) of the previous page. */
  list(
    tenantId: string,
    limit: number,
    filter: { address?: string; after?: { createdAt: Date; address: string } },
  ): Promise<Suppression[]> {
    const { address, after } = filter;
    const where = after
      ? {
          $or: [
            { createdAt: { $lt: after.createdAt } },
            { createdAt: after.createdAt, address: { $gt: after.address } },
          ],
        }
      : {};
    return this.orm.em
      .fork()
      .find(
        SuppressionEntity,
        { tenantId, ...(address ? { address: address.toLowerCase() } : {}), ...where },
        { orderBy: { createdAt: 'desc', address: 'asc' }, limit },
      );
  }

  /** Removes the address from the list; what it was, or null if it was not on it. */
  lift(tenantId: string, address: string): Promise<Suppression | null> {
    return this.orm.em.fork().transactional(async (em) => {
      const row = await em.findOne(SuppressionEntity, { tenantId, address: address.toLowerCase() });
      if (row) em.remove(row);
      return row;
    });
  }

  count(tenantId: string): Promise<number> {
    return this.orm.em.fork().count(SuppressionEntity, { tenantId });
  }
}
