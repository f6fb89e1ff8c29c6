import { scheduler } from '@chasqui/contracts';
import { Tenant, TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { Exclusion } from '../policy-book';
import {
  addExclusionCommand,
  removeExclusionCommand,
  type AddExclusionCommand,
  type RemoveExclusionCommand,
} from './exclusions.command';
import { AddExclusionUseCase, ListExclusionsUseCase, RemoveExclusionUseCase } from './exclusions.usecase';

const toProto = (e: Exclusion): scheduler.Exclusion => ({
  id: e.id,
  ruleId: e.ruleId ?? '',
  ...(e.match === 'tax_id' ? { taxId: e.value } : { legalName: e.value }),
});

/** Customers never chased, by tax id or legal name, for every rule or one; adding one twice is one. */
@Controller()
@UseGuards(TenantGuard)
export class ExclusionsController {
  constructor(
    private readonly addExclusion: AddExclusionUseCase,
    private readonly removeExclusion: RemoveExclusionUseCase,
    private readonly listExclusions: ListExclusionsUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'AddExclusion')
  async add(
    @TenantCommand(addExclusionCommand, 'EXCLUSION.INVALID') command: AddExclusionCommand,
  ): Promise<scheduler.AddExclusionResponse> {
    return { exclusion: toProto(await this.addExclusion.execute(command)) };
  }

  @GrpcMethod('SchedulerService', 'RemoveExclusion')
  async remove(
    @TenantCommand(removeExclusionCommand, 'EXCLUSION.INVALID') command: RemoveExclusionCommand,
  ): Promise<scheduler.RemoveExclusionResponse> {
    await this.removeExclusion.execute(command);
    return {};
  }

  @GrpcMethod('SchedulerService', 'ListExclusions')
  async list(@Tenant() tenantId: string): Promise<scheduler.ListExclusionsResponse> {
    return { exclusions: (await this.listExclusions.execute(tenantId)).map(toProto) };
  }
}
