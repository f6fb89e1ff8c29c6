import { renderer } from '@chasqui/contracts';
import { ServiceOnlyGuard, TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { checkTemplateCommand, type CheckTemplateCommand } from './check-template.command';
import { CheckTemplateUseCase } from './check-template.usecase';

/** Asked by the scheduler (service identity naming the tenant) when a rule names a template. */
@Controller()
@UseGuards(ServiceOnlyGuard, TenantGuard)
export class CheckTemplateController {
  constructor(private readonly checkTemplate: CheckTemplateUseCase) {}

  @GrpcMethod('RendererService', 'CheckTemplate')
  async handle(
    @TenantCommand(checkTemplateCommand, 'TEMPLATE.INVALID') command: CheckTemplateCommand,
  ): Promise<renderer.CheckTemplateResponse> {
    await this.checkTemplate.execute(command);
    return {};
  }
}
