import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { importEInvoiceCommand } from './import-einvoice.command';
import { eInvoiceKinds, ImportEInvoiceUseCase } from './import-einvoice.usecase';

@Controller()
export class ImportEInvoiceController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly importEInvoice: ImportEInvoiceUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'ImportEInvoice')
  async handle(
    request: receivables.ImportEInvoiceRequest,
    metadata: Metadata,
  ): Promise<receivables.ImportEInvoiceResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(importEInvoiceCommand, { ...request, tenantId }, 'EINVOICE.INVALID');
    const imported = await this.importEInvoice.execute(command);
    return {
      kind: eInvoiceKinds[imported.kind],
      invoices: imported.invoices.map(toInvoiceProto),
      customerId: imported.customerId,
      replay: imported.replay,
    };
  }
}
