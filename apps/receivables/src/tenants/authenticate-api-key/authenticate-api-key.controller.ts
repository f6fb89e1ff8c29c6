import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { NotFound, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { AuthenticateApiKeyUseCase } from './authenticate-api-key.usecase';

/** Lets the other services turn a tenant's API key into its id. */
@Controller()
export class AuthenticateApiKeyController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly authenticate: AuthenticateApiKeyUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'AuthenticateApiKey')
  async handle(
    request: receivables.AuthenticateApiKeyRequest,
    metadata: Metadata,
  ): Promise<receivables.AuthenticateApiKeyResponse> {
    this.auth.requireService(metadata);
    const tenantId = await this.authenticate.execute(request.apiKey);
    if (!tenantId) throw new NotFound('API_KEY.UNKNOWN', 'api_key', 'no tenant has this key');
    return { tenantId };
  }
}
