import { type ServiceError } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { Unavailable } from '@chasqui/errors';
import { grpcClient, serviceMetadata, type CallDeadlines } from '@chasqui/grpc';
import { firstValueFrom } from 'rxjs';

/** The scheduler as the renderer sees it: the rules a preview renders for. */
export class SchedulerClient {
  private readonly client: { service: scheduler.SchedulerServiceClient; close: () => void };

  constructor(
    url: string,
    private readonly serviceToken: string,
    deadlines: CallDeadlines,
  ) {
    this.client = grpcClient<scheduler.SchedulerServiceClient>('scheduler', url, deadlines);
  }

  /** The tenant's rule, or undefined; the scheduler unreachable is UNAVAILABLE, for the caller to retry. */
  async rule(tenantId: string, ruleId: string): Promise<scheduler.Rule | undefined> {
    return (await this.rules(tenantId)).find((rule) => rule.id === ruleId);
  }

  /** The tenant's rules; the scheduler unreachable is UNAVAILABLE, for the caller to retry. */
  async rules(tenantId: string): Promise<scheduler.Rule[]> {
    try {
      const { rules } = await firstValueFrom(
        this.client.service.listRules({}, serviceMetadata(this.serviceToken, tenantId)),
      );
      return rules;
    } catch (error) {
      const failure = error as ServiceError;
      throw new Unavailable(
        'SCHEDULER.UNAVAILABLE',
        `the scheduler could not be asked for the rule: ${failure.details ?? String(error)}`,
      );
    }
  }

  close(): void {
    this.client.close();
  }
}
