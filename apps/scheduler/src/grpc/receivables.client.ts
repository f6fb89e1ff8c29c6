import { receivables } from '@chasqui/contracts';
import { grpcClient, serviceMetadata } from '@chasqui/grpc';
import type { Observable } from 'rxjs';

/** receivables as the scheduler sees it: the collectible invoices. */
export class ReceivablesClient {
  private readonly client: { service: receivables.ReceivablesServiceClient; close: () => void };

  constructor(
    url: string,
    private readonly serviceToken: string,
  ) {
    this.client = grpcClient<receivables.ReceivablesServiceClient>('receivables', url);
  }

  collectibles(
    tenantId: string,
    request: receivables.ListCollectiblesRequest,
  ): Observable<receivables.ListCollectiblesResponse> {
    return this.client.service.listCollectibles(request, serviceMetadata(this.serviceToken, tenantId));
  }

  close(): void {
    this.client.close();
  }
}
