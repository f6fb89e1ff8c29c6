import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { nativeQuery } from '@chasqui/persistence';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { SCHEMA } from '../../database/orm-settings';
import { policyFields } from '../policy-fields';

const setEnrollmentCommand = z.object({
  tenantId: z.string(),
  customerIds: z.array(policyFields.id).min(1, 'name at least one customer').max(10_000, 'at most 10,000 per call'),
  enrolled: z.boolean(),
});

/** Who is chased at all: every customer is enrolled until unenrolled, in bulk. */
@Controller()
export class EnrollmentController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly orm: MikroORM,
  ) {}

  @GrpcMethod('SchedulerService', 'SetEnrollment')
  async set(request: scheduler.SetEnrollmentRequest, metadata: Metadata): Promise<scheduler.SetEnrollmentResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(setEnrollmentCommand, { ...request, tenantId }, 'ENROLLMENT.INVALID');
    const em = this.orm.em.fork();
    await nativeQuery(
      em,
      `insert into ${SCHEMA}.customer_policies (tenant_id, customer_id, enrolled)
       select ?, id, ? from unnest(?::uuid[]) as id
       on conflict (tenant_id, customer_id) do update set enrolled = excluded.enrolled, updated_at = now()`,
      [tenantId, command.enrolled, command.customerIds],
    );
    return { counts: await counts(em, tenantId) };
  }

  @GrpcMethod('SchedulerService', 'GetEnrollment')
  async get(_request: scheduler.GetEnrollmentRequest, metadata: Metadata): Promise<scheduler.GetEnrollmentResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    return { counts: await counts(this.orm.em.fork(), tenantId) };
  }
}

/** Among the customers receivables has announced (and not deleted). */
async function counts(em: EntityManager, tenantId: string): Promise<scheduler.EnrollmentCounts> {
  const [row] = await em.execute<{ enrolled: number; not_enrolled: number }[]>(
    `select count(*) filter (where enrolled)::int as enrolled, count(*) filter (where not enrolled)::int as not_enrolled
       from ${SCHEMA}.customer_policies where tenant_id = ? and known and not deleted`,
    [tenantId],
  );
  return { enrolled: row.enrolled, notEnrolled: row.not_enrolled };
}
