import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { updateInvoiceCommand } from './update-invoice.command';
import { UpdateInvoiceUseCase } from './update-invoice.usecase';

@Controller()
export class UpdateInvoiceController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly updateInvoice: UpdateInvoiceUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'UpdateInvoice')
  async handle(
    request: receivables.UpdateInvoiceRequest,
    metadata: Metadata,
  ): Promise<receivables.UpdateInvoiceResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(updateInvoiceCommand, { ...request, tenantId }, 'INVOICE.INVALID');
    return { invoice: toInvoiceProto(await this.updateInvoice.execute(command)) };
  }
}
