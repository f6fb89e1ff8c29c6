import { renderer } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toTemplateProto } from '../template.proto';
import { upsertTemplateCommand, type UpsertTemplateCommand } from './upsert-template.command';
import { UpsertTemplateUseCase } from './upsert-template.usecase';

@Controller()
@UseGuards(TenantGuard)
export class UpsertTemplateController {
  constructor(private readonly upsertTemplate: UpsertTemplateUseCase) {}

  @GrpcMethod('RendererService', 'UpsertTemplate')
  async handle(
    @TenantCommand(upsertTemplateCommand, 'TEMPLATE.INVALID') command: UpsertTemplateCommand,
  ): Promise<renderer.UpsertTemplateResponse> {
    return { template: toTemplateProto(await this.upsertTemplate.execute(command)) };
  }
}
