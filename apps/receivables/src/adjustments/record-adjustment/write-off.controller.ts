import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { recordAdjustmentCommand, type RecordAdjustmentCommand } from './record-adjustment.command';
import { RecordAdjustmentUseCase } from './record-adjustment.usecase';

@Controller()
@UseGuards(TenantGuard)
export class WriteOffController {
  constructor(private readonly recordAdjustment: RecordAdjustmentUseCase) {}

  @GrpcMethod('ReceivablesService', 'WriteOff')
  async handle(
    @TenantCommand(recordAdjustmentCommand, 'WRITE_OFF.INVALID') command: RecordAdjustmentCommand,
  ): Promise<receivables.WriteOffResponse> {
    return { invoice: toInvoiceProto(await this.recordAdjustment.execute({ ...command, kind: 'write_off' })) };
  }
}
