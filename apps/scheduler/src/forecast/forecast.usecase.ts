import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { lastValueFrom, toArray } from 'rxjs';
import { overdueAccounts } from '../cycles/delinquency';
import { DelinquencyRepository } from '../cycles/delinquency.repository';
import { addToAccounts, type CustomerAccount } from '../cycles/statement-steps';
import { ReceivablesClient } from '../grpc/receivables.client';
import { CustomerPoliciesRepository } from '../policy/customer-policies.repository';
import { knownCustomer } from '../policy/known-customer';
import { loadPolicyBook } from '../policy/load-policy-book';
import { RuleRepository } from '../rules/rule.repository';
import { forecastCustomer } from './forecast';

export interface ForecastCommand {
  tenantId: string;
  customerId: string;
  /** Null: every open invoice of the customer. */
  invoiceId: string | null;
  fromDate: string;
  toDate: string;
}

/** The customer's open invoices as they are now, run through every rule's calendar over the dates asked. */
@Injectable()
export class ForecastUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly rules: RuleRepository,
    private readonly receivables: ReceivablesClient,
    private readonly delinquencies: DelinquencyRepository,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  async execute(command: ForecastCommand): Promise<ReturnType<typeof forecastCustomer>> {
    const { tenantId, customerId, invoiceId } = command;
    await knownCustomer(this.policies, this.orm.em.fork(), tenantId, customerId);
    const [rules, policy, collectibles] = await Promise.all([
      this.rules.listActive(tenantId),
      loadPolicyBook(this.orm.em.fork(), tenantId),
      lastValueFrom(this.receivables.collectibles(tenantId, { customerId }).pipe(toArray())),
    ]);
    const invoices: receivables.Collectible[] = invoiceId
      ? collectibles.filter((c) => c.invoiceId === invoiceId)
      : collectibles;
    if (invoices.length === 0) return [];
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
    return forecastCustomer(rules, invoices, policy, from, to, await this.noticed(tenantId, customerId, collectibles));
  }

  /** The account rules whose notice the customer's current delinquency episode already had: none again. */
  private async noticed(
    tenantId: string,
    customerId: string,
    collectibles: receivables.Collectible[],
  ): Promise<Set<string>> {
    const accounts = new Map<string, CustomerAccount>();
    for (const invoice of collectibles) addToAccounts(accounts, invoice);
    const overdue = overdueAccounts(accounts.values(), Temporal.Now.instant());
    const since = (await this.delinquencies.peek(tenantId, overdue)).get(customerId);
    return since ? this.delinquencies.noticed(tenantId, customerId, since) : new Set();
  }
}
