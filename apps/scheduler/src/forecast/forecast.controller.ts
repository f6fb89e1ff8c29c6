import { Temporal } from '@js-temporal/polyfill';
import type { Metadata } from '@grpc/grpc-js';
import { receivables, scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { lastValueFrom, toArray } from 'rxjs';
import { z } from 'zod';
import { ReceivablesClient } from '../grpc/receivables.client';
import { toRuleKindProto } from '../grpc/to-proto';
import { loadPolicyBook } from '../policy/load-policy-book';
import { policyFields } from '../policy/policy-fields';
import { RuleEntity } from '../rules/rule.entity';
import { forecastCustomer } from './forecast';

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
    private readonly orm: MikroORM,
    private readonly receivables: ReceivablesClient,
  ) {}

  /** The customer's open invoices as they are now, run through every rule's calendar over the dates asked. */
  @GrpcMethod('SchedulerService', 'Forecast')
  async handle(request: scheduler.ForecastRequest, metadata: Metadata): Promise<scheduler.ForecastResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(forecastCommand, { ...request, tenantId }, 'FORECAST.INVALID');
    const em = this.orm.em.fork();
    const [rules, policy, collectibles] = await Promise.all([
      em.find(RuleEntity, { tenantId, deleted: false }, { orderBy: { createdAt: 'asc' } }),
      loadPolicyBook(em, tenantId),
      lastValueFrom(this.receivables.collectibles(tenantId, { customerId: command.customerId }).pipe(toArray())),
    ]);
    const invoices: receivables.Collectible[] = command.invoiceId
      ? collectibles.filter((c) => c.invoiceId === command.invoiceId)
      : collectibles;
    if (invoices.length === 0) return { reminders: [] };
    const zone = invoices[0].timeZone;
    const from = Temporal.PlainDate.from(command.fromDate)
      .toZonedDateTime(zone)
      .toInstant()
      .subtract({ nanoseconds: 1 });
    const to = Temporal.PlainDate.from(command.toDate)
      .add({ days: 1 })
      .toZonedDateTime(zone)
      .toInstant()
      .subtract({ nanoseconds: 1 });
    const items = forecastCustomer(rules, invoices, policy, from, to);
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
