import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { DeleteCustomerUseCase } from './delete-customer.usecase';

const deleteCustomerCommand = z.object({ tenantId: z.string(), customerId: z.uuid('must be a UUID') });

@Controller()
export class DeleteCustomerController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly deleteCustomer: DeleteCustomerUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'DeleteCustomer')
  async handle(
    request: receivables.DeleteCustomerRequest,
    metadata: Metadata,
  ): Promise<receivables.DeleteCustomerResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    await this.deleteCustomer.execute(
      parseRequest(deleteCustomerCommand, { ...request, tenantId }, 'CUSTOMER.INVALID'),
    );
    return {};
  }
}
