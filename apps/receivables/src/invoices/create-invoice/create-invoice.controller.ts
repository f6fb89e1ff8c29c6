import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { createInvoiceCommand, type CreateInvoiceCommand } from './create-invoice.command';
import { CreateInvoiceUseCase } from './create-invoice.usecase';

@Controller()
@UseGuards(TenantGuard)
export class CreateInvoiceController {
  constructor(private readonly createInvoice: CreateInvoiceUseCase) {}

  @GrpcMethod('ReceivablesService', 'CreateInvoice')
  async handle(
    @TenantCommand(createInvoiceCommand, 'INVOICE.INVALID') command: CreateInvoiceCommand,
  ): Promise<receivables.CreateInvoiceResponse> {
    return { invoice: toInvoiceProto(await this.createInvoice.execute(command)) };
  }
}
