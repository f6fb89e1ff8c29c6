import { scheduler } from '@chasqui/contracts';
import { Tenant, TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { GetEnrollmentUseCase } from './get-enrollment.usecase';
import { setEnrollmentCommand, type SetEnrollmentCommand } from './set-enrollment.command';
import { SetEnrollmentUseCase } from './set-enrollment.usecase';

/** Who is chased at all: every customer is enrolled until unenrolled, in bulk. */
@Controller()
@UseGuards(TenantGuard)
export class EnrollmentController {
  constructor(
    private readonly setEnrollment: SetEnrollmentUseCase,
    private readonly getEnrollment: GetEnrollmentUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'SetEnrollment')
  async set(
    @TenantCommand(setEnrollmentCommand, 'ENROLLMENT.INVALID') command: SetEnrollmentCommand,
  ): Promise<scheduler.SetEnrollmentResponse> {
    return { counts: await this.setEnrollment.execute(command) };
  }

  @GrpcMethod('SchedulerService', 'GetEnrollment')
  async get(@Tenant() tenantId: string): Promise<scheduler.GetEnrollmentResponse> {
    return { counts: await this.getEnrollment.execute(tenantId) };
  }
}
