import type { renderer } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toBrandingProto } from '../branding.proto';
import { updateBrandingCommand, type UpdateBrandingCommand } from './update-branding.command';
import { UpdateBrandingUseCase } from './update-branding.usecase';

@Controller()
@UseGuards(TenantGuard)
export class UpdateBrandingController {
  constructor(private readonly updateBranding: UpdateBrandingUseCase) {}

  @GrpcMethod('RendererService', 'UpdateBranding')
  async handle(
    @TenantCommand(updateBrandingCommand, 'BRANDING.INVALID') command: UpdateBrandingCommand,
  ): Promise<renderer.UpdateBrandingResponse> {
    return { branding: toBrandingProto(await this.updateBranding.execute(command)) };
  }
}
