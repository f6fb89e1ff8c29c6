import type { Metadata } from '@grpc/grpc-js';
import type { renderer } from '@chasqui/contracts';
import { InvalidArgument, parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { fromAlignment, fromPaper, toBrandingProto } from '../branding.proto';
import { updateBrandingCommand, type UpdateBrandingCommand } from './update-branding.command';
import { UpdateBrandingUseCase } from './update-branding.usecase';

@Controller()
export class UpdateBrandingController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly updateBranding: UpdateBrandingUseCase,
  ) {}

  @GrpcMethod('RendererService', 'UpdateBranding')
  async handle(request: renderer.UpdateBrandingRequest, metadata: Metadata): Promise<renderer.UpdateBrandingResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const b = request.branding;
    if (!b) throw new InvalidArgument('BRANDING.INVALID', [{ field: 'branding', description: 'required' }]);
    const command = parseRequest(
      updateBrandingCommand,
      {
        tenantId,
        keepLogo: request.keepLogo,
        branding: {
          logo: b.logo,
          alignment: fromAlignment(b.alignment),
          paperSize: fromPaper(b.paperSize),
          primaryColour: b.primaryColour,
          accentColour: b.accentColour,
          address: b.address,
          phone: b.phone,
          website: b.website,
          taxId: b.taxId,
        },
      },
      'BRANDING.INVALID',
    ) as UpdateBrandingCommand;
    return { branding: toBrandingProto(await this.updateBranding.execute(command)) };
  }
}
