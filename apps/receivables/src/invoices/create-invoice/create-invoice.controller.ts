import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { createInvoiceCommand } from './create-invoice.command';
import { CreateInvoiceUseCase } from './create-invoice.usecase';

@Controller()
export class CreateInvoiceController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly createInvoice: CreateInvoiceUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'CreateInvoice')
  async handle(
    request: receivables.CreateInvoiceRequest,
    metadata: Metadata,
  ): Promise<receivables.CreateInvoiceResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(createInvoiceCommand, { ...request, tenantId }, 'INVOICE.INVALID');
    return { invoice: toInvoiceProto(await this.createInvoice.execute(command)) };
  }
}
