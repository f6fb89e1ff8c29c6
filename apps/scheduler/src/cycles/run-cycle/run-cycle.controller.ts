import { Temporal } from '@js-temporal/polyfill';
import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { RunCycleUseCase } from './run-cycle.usecase';

@Controller()
export class RunCycleController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly runCycle: RunCycleUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'RunCycle')
  async handle(request: scheduler.RunCycleRequest, metadata: Metadata): Promise<scheduler.RunCycleResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const asOf = request.asOf
      ? Temporal.Instant.fromEpochMilliseconds(
          Number(request.asOf.seconds) * 1000 + Math.floor(request.asOf.nanos / 1e6),
        )
      : Temporal.Now.instant();
    return this.runCycle.execute({ tenantId, asOf });
  }
}
