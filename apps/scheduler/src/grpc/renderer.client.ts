import { status, type ServiceError } from '@grpc/grpc-js';
import { renderer } from '@chasqui/contracts';
import { InvalidArgument, Unavailable } from '@chasqui/errors';
import { grpcClient, readBadRequest, serviceMetadata, type CallDeadlines } from '@chasqui/grpc';
import { firstValueFrom } from 'rxjs';
import type { RuleKind } from '../rules/rule.entity';

const TEMPLATE_KINDS: Record<RuleKind, renderer.TemplateKind> = {
  overdue: renderer.TemplateKind.TEMPLATE_KIND_OVERDUE,
  due_soon: renderer.TemplateKind.TEMPLATE_KIND_DUE_SOON,
  invoice_issued: renderer.TemplateKind.TEMPLATE_KIND_INVOICE_ISSUED,
  statement: renderer.TemplateKind.TEMPLATE_KIND_STATEMENT,
  account_closing: renderer.TemplateKind.TEMPLATE_KIND_ACCOUNT_CLOSING,
  account_closed: renderer.TemplateKind.TEMPLATE_KIND_ACCOUNT_CLOSED,
};

/** The renderer as the scheduler sees it: the owner of templates, asked whether a rule may name one. */
export class RendererClient {
  private readonly client: { service: renderer.RendererServiceClient; close: () => void };

  constructor(
    url: string,
    private readonly serviceToken: string,
    deadlines: CallDeadlines,
  ) {
    this.client = grpcClient<renderer.RendererServiceClient>('renderer', url, deadlines);
  }

  /**
   * Refuses (INVALID_ARGUMENT on `template`) a template that is not this tenant's or not
   * of the rule's kind; the renderer unreachable is UNAVAILABLE, for the caller to retry.
   */
  async checkTemplate(tenantId: string, templateId: string, kind: RuleKind): Promise<void> {
    try {
      await firstValueFrom(
        this.client.service.checkTemplate(
          { templateId, kind: TEMPLATE_KINDS[kind] },
          serviceMetadata(this.serviceToken, tenantId),
        ),
      );
    } catch (error) {
      const failure = error as ServiceError;
      if (failure.code === status.NOT_FOUND) {
        throw new InvalidArgument('RULE.INVALID', [
          { field: 'template', description: 'no such template of this tenant' },
        ]);
      }
      if (failure.code === status.INVALID_ARGUMENT) {
        const [violation] = readBadRequest(failure);
        throw new InvalidArgument('RULE.INVALID', [
          { field: 'template', description: violation?.description ?? failure.details },
        ]);
      }
      throw new Unavailable(
        'RENDERER.UNAVAILABLE',
        `the renderer could not check the template: ${failure.details ?? String(error)}`,
      );
    }
  }

  close(): void {
    this.client.close();
  }
}
