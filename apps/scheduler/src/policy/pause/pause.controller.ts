import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { SCHEMA } from '../../database/orm-settings';
import { policyFields } from '../policy-fields';

const pauseCommand = z.object({
  tenantId: z.string(),
  customerId: policyFields.id,
  until: policyFields.calendarDate,
  reason: z.string().trim().max(500, 'must be at most 500 characters'),
});

const resumeCommand = z.object({ tenantId: z.string(), customerId: policyFields.id });

/** A pause skips a customer's steps up to and including its last day; resuming ends it now. */
@Controller()
export class PauseController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly orm: MikroORM,
  ) {}

  @GrpcMethod('SchedulerService', 'PauseCustomer')
  async pause(request: scheduler.PauseCustomerRequest, metadata: Metadata): Promise<scheduler.PauseCustomerResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(pauseCommand, { ...request, tenantId }, 'PAUSE.INVALID');
    await this.orm.em.fork().execute(
      `insert into ${SCHEMA}.customer_policies (tenant_id, customer_id, paused_until, pause_reason)
       values (?, ?, ?, ?)
       on conflict (tenant_id, customer_id) do update
         set paused_until = excluded.paused_until, pause_reason = excluded.pause_reason, updated_at = now()`,
      [tenantId, command.customerId, command.until, command.reason || null],
    );
    return {};
  }

  @GrpcMethod('SchedulerService', 'ResumeCustomer')
  async resume(
    request: scheduler.ResumeCustomerRequest,
    metadata: Metadata,
  ): Promise<scheduler.ResumeCustomerResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(resumeCommand, { ...request, tenantId }, 'PAUSE.INVALID');
    await this.orm.em.fork().execute(
      `update ${SCHEMA}.customer_policies set paused_until = null, pause_reason = null, updated_at = now()
        where tenant_id = ? and customer_id = ?`,
      [tenantId, command.customerId],
    );
    return {};
  }
}
