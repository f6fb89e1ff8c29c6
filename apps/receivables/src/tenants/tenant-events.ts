import { Exchanges, MessageTypes, receivables, RoutingKeys } from '@chasqui/contracts';
import { enqueue } from '@chasqui/messaging';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../database/orm-settings';
import { toTenantProto } from '../grpc/to-proto';
import type { Tenant } from './tenant.entity';

/** tenant.changed, in the transaction of the change. */
export function announceTenant(em: EntityManager, tenant: Tenant): Promise<void> {
  return enqueue(em, SCHEMA, {
    exchange: Exchanges.events,
    routingKey: RoutingKeys.tenantChanged,
    type: MessageTypes.tenantChanged,
    body: receivables.TenantChanged.encode({ tenantId: tenant.id, tenant: toTenantProto(tenant) }).finish(),
    tenantId: tenant.id,
    idempotencyKey: `tenant.changed:${tenant.id}:${randomUUID()}`,
  });
}
