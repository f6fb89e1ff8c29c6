import type { Metadata } from '@grpc/grpc-js';
import type { renderer } from '@chasqui/contracts';
import { TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toBrandingProto } from '../branding.proto';
import { BrandingRepository } from '../branding.repository';

/** A read with nothing to decide: the edge asks the repository (the defaults while nothing is saved). */
@Controller()
export class GetBrandingController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly brandings: BrandingRepository,
  ) {}

  @GrpcMethod('RendererService', 'GetBranding')
  async handle(_request: renderer.GetBrandingRequest, metadata: Metadata): Promise<renderer.GetBrandingResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    return { branding: toBrandingProto(await this.brandings.branding(tenantId)) };
  }
}
