import type { Metadata } from '@grpc/grpc-js';
import { renderer } from '@chasqui/contracts';
import { InvalidArgument, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { fromTemplateKind } from '../template.proto';
import { CheckTemplateUseCase } from './check-template.usecase';

@Controller()
export class CheckTemplateController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly checkTemplate: CheckTemplateUseCase,
  ) {}

  @GrpcMethod('RendererService', 'CheckTemplate')
  async handle(request: renderer.CheckTemplateRequest, metadata: Metadata): Promise<renderer.CheckTemplateResponse> {
    this.auth.requireService(metadata);
    const tenantId = await this.auth.tenantOf(metadata);
    const kind = fromTemplateKind(request.kind);
    if (!kind) throw new InvalidArgument('TEMPLATE.INVALID', [{ field: 'kind', description: 'required' }]);
    await this.checkTemplate.execute({ tenantId, templateId: request.templateId, kind });
    return {};
  }
}
