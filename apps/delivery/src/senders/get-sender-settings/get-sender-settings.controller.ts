import type { Metadata } from '@grpc/grpc-js';
import { delivery } from '@chasqui/contracts';
import { TenantAuth } from '@chasqui/grpc';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toSenderSettingsProto } from '../sender-settings.proto';
import { GetSenderSettingsUseCase } from './get-sender-settings.usecase';

@Controller()
export class GetSenderSettingsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly getSenderSettings: GetSenderSettingsUseCase,
    @Inject('DEFAULT_FROM') private readonly defaultFrom: { name: string; address: string },
  ) {}

  @GrpcMethod('DeliveryService', 'GetSenderSettings')
  async handle(_: delivery.GetSenderSettingsRequest, metadata: Metadata): Promise<delivery.GetSenderSettingsResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    return { settings: toSenderSettingsProto(await this.getSenderSettings.execute({ tenantId }), this.defaultFrom) };
  }
}
