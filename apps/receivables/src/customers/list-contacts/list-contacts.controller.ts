import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toContactProto } from '../../grpc/to-proto';
import { listContactsCommand } from './list-contacts.command';
import { ListContactsUseCase } from './list-contacts.usecase';

@Controller()
export class ListContactsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly listContacts: ListContactsUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'ListContacts')
  async handle(
    request: receivables.ListContactsRequest,
    metadata: Metadata,
  ): Promise<receivables.ListContactsResponse> {
    this.auth.requireService(metadata);
    const tenantId = await this.auth.tenantOf(metadata);
    const byCustomer = await this.listContacts.execute(
      parseRequest(listContactsCommand, { ...request, tenantId }, 'CONTACTS.INVALID'),
    );
    return {
      customers: [...byCustomer].map(([customerId, contacts]) => ({
        customerId,
        contacts: contacts.map(toContactProto),
      })),
    };
  }
}
