import type { Metadata } from '@grpc/grpc-js';
import { renderer } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { fromTemplateKind, toTemplateProto } from '../template.proto';
import { getTemplateCommand } from './get-template.command';
import { GetTemplateUseCase } from './get-template.usecase';

@Controller()
export class GetTemplateController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly getTemplate: GetTemplateUseCase,
  ) {}

  @GrpcMethod('RendererService', 'GetTemplate')
  async handle(request: renderer.GetTemplateRequest, metadata: Metadata): Promise<renderer.GetTemplateResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const query = parseRequest(
      getTemplateCommand,
      { ...request, kind: fromTemplateKind(request.kind), tenantId },
      'TEMPLATE.INVALID',
    );
    return { template: toTemplateProto(await this.getTemplate.execute(query)) };
  }
}
