import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { GetEnrollmentUseCase } from './get-enrollment.usecase';
import { setEnrollmentCommand } from './set-enrollment.command';
import { SetEnrollmentUseCase } from './set-enrollment.usecase';

/** Who is chased at all: every customer is enrolled until unenrolled, in bulk. */
@Controller()
export class EnrollmentController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly setEnrollment: SetEnrollmentUseCase,
    private readonly getEnrollment: GetEnrollmentUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'SetEnrollment')
  async set(request: scheduler.SetEnrollmentRequest, metadata: Metadata): Promise<scheduler.SetEnrollmentResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(setEnrollmentCommand, { ...request, tenantId }, 'ENROLLMENT.INVALID');
    return { counts: await this.setEnrollment.execute(command) };
  }

  @GrpcMethod('SchedulerService', 'GetEnrollment')
  async get(_request: scheduler.GetEnrollmentRequest, metadata: Metadata): Promise<scheduler.GetEnrollmentResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    return { counts: await this.getEnrollment.execute(tenantId) };
  }
}
