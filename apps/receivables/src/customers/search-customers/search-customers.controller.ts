import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toCustomerProto } from '../../grpc/to-proto';
import { searchCustomersCommand } from './search-customers.command';
import { SearchCustomersUseCase } from './search-customers.usecase';

@Controller()
export class SearchCustomersController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly searchCustomers: SearchCustomersUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'SearchCustomers')
  async handle(
    request: receivables.SearchCustomersRequest,
    metadata: Metadata,
  ): Promise<receivables.SearchCustomersResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(searchCustomersCommand, { ...request, tenantId }, 'CUSTOMER.INVALID');
    const { customers, nextPageToken } = await this.searchCustomers.execute(command);
    return { customers: customers.map((c) => toCustomerProto(c.customer, c.contacts)), nextPageToken };
  }
}
