import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toCustomerProto } from '../../grpc/to-proto';
import { updateCustomerCommand } from './update-customer.command';
import { UpdateCustomerUseCase } from './update-customer.usecase';

@Controller()
export class UpdateCustomerController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly updateCustomer: UpdateCustomerUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'UpdateCustomer')
  async handle(
    request: receivables.UpdateCustomerRequest,
    metadata: Metadata,
  ): Promise<receivables.UpdateCustomerResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(updateCustomerCommand, { ...request, tenantId }, 'CUSTOMER.INVALID');
    const { customer, contacts } = await this.updateCustomer.execute(command);
    return { customer: toCustomerProto(customer, contacts) };
  }
}
