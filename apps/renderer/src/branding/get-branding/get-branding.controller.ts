import type { renderer } from '@chasqui/contracts';
import { Tenant, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toBrandingProto } from '../branding.proto';
import { BrandingRepository } from '../branding.repository';

/** A read with nothing to decide: the edge asks the repository (the defaults while nothing is saved). */
@Controller()
@UseGuards(TenantGuard)
export class GetBrandingController {
  constructor(private readonly brandings: BrandingRepository) {}

  @GrpcMethod('RendererService', 'GetBranding')
  async handle(@Tenant() tenantId: string): Promise<renderer.GetBrandingResponse> {
    return { branding: toBrandingProto(await this.brandings.branding(tenantId)) };
  }
}
