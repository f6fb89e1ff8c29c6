import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toCustomerProto } from '../../grpc/to-proto';
import { addContactCommand, updateContactCommand } from './manage-contacts.command';
import { ManageContactsUseCase } from './manage-contacts.usecase';

@Controller()
export class ManageContactsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly contacts: ManageContactsUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'AddContact')
  async add(request: receivables.AddContactRequest, metadata: Metadata): Promise<receivables.AddContactResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const { customer, contacts } = await this.contacts.add(
      parseRequest(addContactCommand, { ...request, tenantId }, 'CONTACT.INVALID'),
    );
    return { customer: toCustomerProto(customer, contacts) };
  }

  @GrpcMethod('ReceivablesService', 'UpdateContact')
  async update(
    request: receivables.UpdateContactRequest,
    metadata: Metadata,
  ): Promise<receivables.UpdateContactResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const { customer, contacts } = await this.contacts.update(
      parseRequest(updateContactCommand, { ...request, tenantId }, 'CONTACT.INVALID'),
    );
    return { customer: toCustomerProto(customer, contacts) };
  }
}
