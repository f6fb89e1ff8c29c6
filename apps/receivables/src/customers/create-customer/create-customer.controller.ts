import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toCustomerProto } from '../../grpc/to-proto';
import { createCustomerCommand } from './create-customer.command';
import { CreateCustomerUseCase } from './create-customer.usecase';

@Controller()
export class CreateCustomerController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly createCustomer: CreateCustomerUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'CreateCustomer')
  async handle(
    request: receivables.CreateCustomerRequest,
    metadata: Metadata,
  ): Promise<receivables.CreateCustomerResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(createCustomerCommand, { ...request, tenantId }, 'CUSTOMER.INVALID');
    const { customer, contacts } = await this.createCustomer.execute(command);
    return { customer: toCustomerProto(customer, contacts) };
  }
}
