import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { normaliseName, normaliseTaxId, type Exclusion } from '../policy-book';
import { policyFields } from '../policy-fields';
import { AddExclusionUseCase, ListExclusionsUseCase, RemoveExclusionUseCase } from './exclusions.usecase';

const addExclusionCommand = z
  .object({
    tenantId: z.string(),
    ruleId: policyFields.optionalId,
    match: z.enum(['taxId', 'legalName'], { error: 'a tax_id or a legal_name is required' }),
    taxId: z.string().nullish(),
    legalName: z.string().nullish(),
  })
  .transform((c, ctx) => {
    const raw = (c.match === 'taxId' ? c.taxId : c.legalName) ?? '';
    const value = c.match === 'taxId' ? normaliseTaxId(raw) : normaliseName(raw);
    if (value === '' || value.length > 200) {
      ctx.addIssue({ code: 'custom', path: [c.match], message: 'must be 1 to 200 characters' });
      return z.NEVER;
    }
    return {
      tenantId: c.tenantId,
      ruleId: c.ruleId,
      match: c.match === 'taxId' ? ('tax_id' as const) : ('name' as const),
      value,
    };
  });

const removeExclusionCommand = z.object({ tenantId: z.string(), exclusionId: policyFields.id });

const toProto = (e: Exclusion): scheduler.Exclusion => ({
  id: e.id,
  ruleId: e.ruleId ?? '',
  ...(e.match === 'tax_id' ? { taxId: e.value } : { legalName: e.value }),
});

/** Customers never chased, by tax id or legal name, for every rule or one; adding one twice is one. */
@Controller()
export class ExclusionsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly addExclusion: AddExclusionUseCase,
    private readonly removeExclusion: RemoveExclusionUseCase,
    private readonly listExclusions: ListExclusionsUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'AddExclusion')
  async add(request: scheduler.AddExclusionRequest, metadata: Metadata): Promise<scheduler.AddExclusionResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(addExclusionCommand, { ...request, tenantId }, 'EXCLUSION.INVALID');
    return { exclusion: toProto(await this.addExclusion.execute(command)) };
  }

  @GrpcMethod('SchedulerService', 'RemoveExclusion')
  async remove(
    request: scheduler.RemoveExclusionRequest,
    metadata: Metadata,
  ): Promise<scheduler.RemoveExclusionResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(removeExclusionCommand, { ...request, tenantId }, 'EXCLUSION.INVALID');
    await this.removeExclusion.execute(command);
    return {};
  }

  @GrpcMethod('SchedulerService', 'ListExclusions')
  async list(_request: scheduler.ListExclusionsRequest, metadata: Metadata): Promise<scheduler.ListExclusionsResponse> {
    const exclusions = await this.listExclusions.execute(await this.auth.tenantOf(metadata));
    return { exclusions: exclusions.map(toProto) };
  }
}
