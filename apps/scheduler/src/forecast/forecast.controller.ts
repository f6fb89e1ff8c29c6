import { Temporal } from '@js-temporal/polyfill';
import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { toRuleKindProto } from '../grpc/to-proto';
import { policyFields } from '../policy/policy-fields';
import { ForecastUseCase } from './forecast.usecase';

const forecastCommand = z
  .object({
    tenantId: z.string(),
    customerId: policyFields.id,
    invoiceId: policyFields.optionalId,
    fromDate: policyFields.calendarDate,
    toDate: policyFields.calendarDate,
  })
  .refine((c) => c.toDate >= c.fromDate, { path: ['toDate'], message: 'must not be before from_date' })
  .refine((c) => Temporal.PlainDate.from(c.fromDate).until(c.toDate).days <= 366, {
    path: ['toDate'],
    message: 'must be at most 366 days after from_date',
  });

const timestamp = (iso: string) => {
  const ms = Date.parse(iso);
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 };
};

@Controller()
export class ForecastController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly forecast: ForecastUseCase,
  ) {}

  /** The customer's open invoices as they are now, run through every rule's calendar over the dates asked. */
  @GrpcMethod('SchedulerService', 'Forecast')
  async handle(request: scheduler.ForecastRequest, metadata: Metadata): Promise<scheduler.ForecastResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const items = await this.forecast.execute(
      parseRequest(forecastCommand, { ...request, tenantId }, 'FORECAST.INVALID'),
    );
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
