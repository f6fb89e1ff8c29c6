import { renderer } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { z } from 'zod';
import { toTemplateProto } from '../template.proto';
import { getTemplateCommand } from './get-template.command';
import { GetTemplateUseCase } from './get-template.usecase';

@Controller()
@UseGuards(TenantGuard)
export class GetTemplateController {
  constructor(private readonly getTemplate: GetTemplateUseCase) {}

  @GrpcMethod('RendererService', 'GetTemplate')
  async handle(
    @TenantCommand(getTemplateCommand, 'TEMPLATE.INVALID') query: z.output<typeof getTemplateCommand>,
  ): Promise<renderer.GetTemplateResponse> {
    return { template: toTemplateProto(await this.getTemplate.execute(query)) };
  }
}
