import type { Metadata } from '@grpc/grpc-js';
import { delivery } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toSenderSettingsProto } from '../sender-settings.proto';
import { updateSenderSettingsCommand } from './update-sender-settings.command';
import { UpdateSenderSettingsUseCase } from './update-sender-settings.usecase';

@Controller()
export class UpdateSenderSettingsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly updateSenderSettings: UpdateSenderSettingsUseCase,
    @Inject('DEFAULT_FROM') private readonly defaultFrom: { name: string; address: string },
  ) {}

  @GrpcMethod('DeliveryService', 'UpdateSenderSettings')
  async handle(
    request: delivery.UpdateSenderSettingsRequest,
    metadata: Metadata,
  ): Promise<delivery.UpdateSenderSettingsResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(updateSenderSettingsCommand, { ...request, tenantId }, 'SENDER.INVALID');
    const saved = await this.updateSenderSettings.execute(command);
    return { settings: toSenderSettingsProto(saved, this.defaultFrom) };
  }
}
