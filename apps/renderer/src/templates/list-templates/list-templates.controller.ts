import type { Metadata } from '@grpc/grpc-js';
import { renderer } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { TEMPLATE_LOCALES } from '../../reminder/resolve-locale';
import { fromTemplateKind, toTemplateProto } from '../template.proto';
import { ListTemplatesUseCase } from './list-templates.usecase';

const listTemplatesQuery = z.object({
  tenantId: z.string(),
  kind: z.enum(['overdue', 'due_soon', 'invoice_issued', 'statement', 'account_closing', 'account_closed']).optional(),
  locale: z
    .union([z.literal(''), z.enum(TEMPLATE_LOCALES, `must be one of ${TEMPLATE_LOCALES.join(', ')}`)])
    .transform((locale) => locale || undefined),
});

@Controller()
export class ListTemplatesController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly listTemplates: ListTemplatesUseCase,
  ) {}

  @GrpcMethod('RendererService', 'ListTemplates')
  async handle(request: renderer.ListTemplatesRequest, metadata: Metadata): Promise<renderer.ListTemplatesResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const query = parseRequest(
      listTemplatesQuery,
      { tenantId, kind: fromTemplateKind(request.kind), locale: request.locale },
      'TEMPLATE.INVALID',
    );
    const listed = await this.listTemplates.execute(query);
    return { templates: listed.map(({ template, usage }) => toTemplateProto(template, usage)) };
  }
}
