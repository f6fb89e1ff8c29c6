import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toInvoiceProto } from '../../grpc/to-proto';
import { importEInvoiceCommand, type ImportEInvoiceCommand } from './import-einvoice.command';
import { eInvoiceKinds, ImportEInvoiceUseCase } from './import-einvoice.usecase';

@Controller()
@UseGuards(TenantGuard)
export class ImportEInvoiceController {
  constructor(private readonly importEInvoice: ImportEInvoiceUseCase) {}

  @GrpcMethod('ReceivablesService', 'ImportEInvoice')
  async handle(
    @TenantCommand(importEInvoiceCommand, 'EINVOICE.INVALID') command: ImportEInvoiceCommand,
  ): Promise<receivables.ImportEInvoiceResponse> {
    const imported = await this.importEInvoice.execute(command);
    return {
      kind: eInvoiceKinds[imported.kind],
      invoices: imported.invoices.map(toInvoiceProto),
      customerId: imported.customerId,
      replay: imported.replay,
    };
  }
}
