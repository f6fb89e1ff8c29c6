import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { runCycleRequest, type RunCycleCommand } from '../../cycles/run-cycle/run-cycle.command';
import { toRuleKindProto } from '../../grpc/to-proto';
import { PreviewRunUseCase } from './preview-run.usecase';

const amountsProto = (amounts: Map<string, bigint>): scheduler.CurrencyAmount[] =>
  [...amounts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ currency, amountMinor: amount.toString() }));

@Controller()
@UseGuards(TenantGuard)
export class PreviewRunController {
  constructor(private readonly previewRun: PreviewRunUseCase) {}

  @GrpcMethod('SchedulerService', 'PreviewRun')
  async handle(
    @TenantCommand(runCycleRequest, 'PREVIEW.INVALID') { tenantId, asOf }: RunCycleCommand,
  ): Promise<scheduler.PreviewRunResponse> {
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
