import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { updateInvoiceCommand, type UpdateInvoiceCommand } from './update-invoice.command';
import { UpdateInvoiceUseCase } from './update-invoice.usecase';

@Controller()
@UseGuards(TenantGuard)
export class UpdateInvoiceController {
  constructor(private readonly updateInvoice: UpdateInvoiceUseCase) {}

  @GrpcMethod('ReceivablesService', 'UpdateInvoice')
  async handle(
    @TenantCommand(updateInvoiceCommand, 'INVOICE.INVALID') command: UpdateInvoiceCommand,
  ): Promise<receivables.UpdateInvoiceResponse> {
    return { invoice: toInvoiceProto(await this.updateInvoice.execute(command)) };
  }
}
