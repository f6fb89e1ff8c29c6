import type { Metadata } from '@grpc/grpc-js';
import { renderer } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { fromTemplateKind, toTemplateProto } from '../template.proto';
import { upsertTemplateCommand, type UpsertTemplateCommand } from './upsert-template.command';
import { UpsertTemplateUseCase } from './upsert-template.usecase';

@Controller()
export class UpsertTemplateController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly upsertTemplate: UpsertTemplateUseCase,
  ) {}

  @GrpcMethod('RendererService', 'UpsertTemplate')
  async handle(request: renderer.UpsertTemplateRequest, metadata: Metadata): Promise<renderer.UpsertTemplateResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(
      upsertTemplateCommand,
      { ...request, kind: fromTemplateKind(request.kind), tenantId },
      'TEMPLATE.INVALID',
    ) as UpsertTemplateCommand;
    return { template: toTemplateProto(await this.upsertTemplate.execute(command)) };
  }
}
