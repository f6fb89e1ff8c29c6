import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toRuleKindProto } from '../grpc/to-proto';
import { forecastCommand } from './forecast.command';
import { ForecastUseCase, type ForecastCommand } from './forecast.usecase';

const timestamp = (iso: string) => {
  const ms = Date.parse(iso);
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 };
};

@Controller()
@UseGuards(TenantGuard)
export class ForecastController {
  constructor(private readonly forecast: ForecastUseCase) {}

  /** The customer's open invoices as they are now, run through every rule's calendar over the dates asked. */
  @GrpcMethod('SchedulerService', 'Forecast')
  async handle(
    @TenantCommand(forecastCommand, 'FORECAST.INVALID') command: ForecastCommand,
  ): Promise<scheduler.ForecastResponse> {
    const items = await this.forecast.execute(command);
    return {
      reminders: items.map((item) => ({
        ruleId: item.ruleId,
        ruleKind: toRuleKindProto(item.ruleKind),
        localDate: item.localDate,
        fireAt: timestamp(item.fireAt),
        invoiceIds: item.invoiceIds,
        skipReason: item.skipReason,
      })),
    };
  }
}
