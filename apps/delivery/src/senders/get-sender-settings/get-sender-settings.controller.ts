import { delivery } from '@chasqui/contracts';
import { Tenant, TenantGuard } from '@chasqui/grpc';
import { Controller, Inject, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toSenderSettingsProto } from '../sender-settings.proto';
import { GetSenderSettingsUseCase } from './get-sender-settings.usecase';

@Controller()
@UseGuards(TenantGuard)
export class GetSenderSettingsController {
  constructor(
    private readonly getSenderSettings: GetSenderSettingsUseCase,
    @Inject('DEFAULT_FROM') private readonly defaultFrom: { name: string; address: string },
  ) {}

  @GrpcMethod('DeliveryService', 'GetSenderSettings')
  async handle(@Tenant() tenantId: string): Promise<delivery.GetSenderSettingsResponse> {
    return { settings: toSenderSettingsProto(await this.getSenderSettings.execute({ tenantId }), this.defaultFrom) };
  }
}
