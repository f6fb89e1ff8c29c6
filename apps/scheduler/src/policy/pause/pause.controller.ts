import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { pauseCustomerCommand, resumeCustomerCommand } from './pause-customer.command';
import { PauseCustomerUseCase, ResumeCustomerUseCase } from './pause-customer.usecase';

/** A pause skips a customer's steps up to and including its last day; resuming ends it now. */
@Controller()
export class PauseController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly pauseCustomer: PauseCustomerUseCase,
    private readonly resumeCustomer: ResumeCustomerUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'PauseCustomer')
  async pause(request: scheduler.PauseCustomerRequest, metadata: Metadata): Promise<scheduler.PauseCustomerResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    await this.pauseCustomer.execute(parseRequest(pauseCustomerCommand, { ...request, tenantId }, 'PAUSE.INVALID'));
    return {};
  }

  @GrpcMethod('SchedulerService', 'ResumeCustomer')
  async resume(
    request: scheduler.ResumeCustomerRequest,
    metadata: Metadata,
  ): Promise<scheduler.ResumeCustomerResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    await this.resumeCustomer.execute(parseRequest(resumeCustomerCommand, { ...request, tenantId }, 'PAUSE.INVALID'));
    return {};
  }
}
