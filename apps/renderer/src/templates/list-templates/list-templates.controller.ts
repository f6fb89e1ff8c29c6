import { renderer } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { TEMPLATE_LOCALES } from '../../reminder/resolve-locale';
import { templateKindField, toTemplateProto } from '../template.proto';
import { ListTemplatesUseCase } from './list-templates.usecase';

const listTemplatesQuery = z.object({
  tenantId: z.string(),
  kind: templateKindField,
  locale: z
    .union([z.literal(''), z.enum(TEMPLATE_LOCALES, `must be one of ${TEMPLATE_LOCALES.join(', ')}`)])
    .transform((locale) => locale || undefined),
});

@Controller()
@UseGuards(TenantGuard)
export class ListTemplatesController {
  constructor(private readonly listTemplates: ListTemplatesUseCase) {}

  @GrpcMethod('RendererService', 'ListTemplates')
  async handle(
    @TenantCommand(listTemplatesQuery, 'TEMPLATE.INVALID') query: z.output<typeof listTemplatesQuery>,
  ): Promise<renderer.ListTemplatesResponse> {
    const listed = await this.listTemplates.execute(query);
    return { templates: listed.map(({ template, usage }) => toTemplateProto(template, usage)) };
  }
}
