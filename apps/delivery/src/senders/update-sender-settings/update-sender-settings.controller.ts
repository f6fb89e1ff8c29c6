import { delivery } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, Inject, UseGuards } from '@nestjs/common';
import type { z } from 'zod';
import { GrpcMethod } from '@nestjs/microservices';
import { toSenderSettingsProto } from '../sender-settings.proto';
import { updateSenderSettingsCommand } from './update-sender-settings.command';
import { UpdateSenderSettingsUseCase } from './update-sender-settings.usecase';

@Controller()
@UseGuards(TenantGuard)
export class UpdateSenderSettingsController {
  constructor(
    private readonly updateSenderSettings: UpdateSenderSettingsUseCase,
    @Inject('DEFAULT_FROM') private readonly defaultFrom: { name: string; address: string },
  ) {}

  @GrpcMethod('DeliveryService', 'UpdateSenderSettings')
  async handle(
    @TenantCommand(updateSenderSettingsCommand, 'SENDER.INVALID') command: z.output<typeof updateSenderSettingsCommand>,
  ): Promise<delivery.UpdateSenderSettingsResponse> {
    const saved = await this.updateSenderSettings.execute(command);
    return { settings: toSenderSettingsProto(saved, this.defaultFrom) };
  }
}
