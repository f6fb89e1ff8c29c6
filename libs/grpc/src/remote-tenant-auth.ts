import { status } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { firstValueFrom } from 'rxjs';
import { serviceMetadata } from './credentials';
import { grpcClient, type CallDeadlines } from './grpc-client';
import { TenantAuth } from './tenant-auth';

/** Tenant auth for services other than receivables: API keys are resolved there. */
export function remoteTenantAuth(receivablesUrl: string, serviceToken: string, deadlines: CallDeadlines): TenantAuth {
  const { service } = grpcClient<receivables.ReceivablesServiceClient>('receivables', receivablesUrl, deadlines);
  return new TenantAuth(serviceToken, async (apiKey) => {
    try {
      const call = service.authenticateApiKey({ apiKey }, serviceMetadata(serviceToken, '-'));
      return (await firstValueFrom(call)).tenantId;
    } catch (error) {
      if ((error as { code?: number }).code === status.NOT_FOUND) return undefined;
      throw error;
    }
  });
}
