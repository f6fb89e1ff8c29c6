import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { runCycleRequest } from '../../cycles/run-cycle/run-cycle.command';
import { toRuleKindProto } from '../../grpc/to-proto';
import { PreviewRunUseCase } from './preview-run.usecase';

const amountsProto = (amounts: Map<string, bigint>): scheduler.CurrencyAmount[] =>
  [...amounts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ currency, amountMinor: amount.toString() }));

@Controller()
export class PreviewRunController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly previewRun: PreviewRunUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'PreviewRun')
  async handle(request: scheduler.PreviewRunRequest, metadata: Metadata): Promise<scheduler.PreviewRunResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const { asOf } = parseRequest(runCycleRequest, { ...request, tenantId }, 'PREVIEW.INVALID');
    const preview = await this.previewRun.execute(tenantId, asOf);
    return {
      customers: preview.customers,
      reminders: preview.reminders,
      amounts: amountsProto(preview.amounts),
      notSent: [...preview.notSent.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([reason, count]) => ({ reason, count })),
      planned: preview.planned.map((p) => ({
        ruleId: p.rule.id,
        ruleKind: toRuleKindProto(p.rule.kind),
        customerId: p.customerId,
        customerName: p.customerName,
        localDate: p.localDate,
        invoiceIds: p.invoiceIds,
        amounts: amountsProto(p.amounts),
        ...p.recipients,
        statementLink: p.statementLink,
      })),
    };
  }
}
