import { receivables } from '@chasqui/contracts';
import { NotFound } from '@chasqui/errors';
import { ServiceOnlyGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { AuthenticateApiKeyUseCase } from './authenticate-api-key.usecase';

/** Lets the other services turn a tenant's API key into its id. */
@Controller()
@UseGuards(ServiceOnlyGuard)
export class AuthenticateApiKeyController {
  constructor(private readonly authenticate: AuthenticateApiKeyUseCase) {}

  @GrpcMethod('ReceivablesService', 'AuthenticateApiKey')
  async handle(
    @Payload() request: receivables.AuthenticateApiKeyRequest,
  ): Promise<receivables.AuthenticateApiKeyResponse> {
    const tenantId = await this.authenticate.execute(request.apiKey);
    if (!tenantId) throw new NotFound('API_KEY.UNKNOWN', 'api_key', 'no tenant has this key');
    return { tenantId };
  }
}
