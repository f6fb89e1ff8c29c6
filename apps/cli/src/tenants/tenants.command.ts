import { receivables } from '@chasqui/contracts';
import type { Command } from 'commander';
import { withContext } from '../action';
import { emit, record, short } from '../output/output';
import { createTenantRequest, updateTenantRequest, type TenantOptions } from './tenant-options';

export function tenantsCommand(program: Command): void {
  const tenants = program.command('tenants').description("a tenant's profile and settings");

  const settingsOptions = (command: Command) =>
    command
      .option('--name <name>', 'company name')
      .option('--locale <bcp47>', 'e.g. es-MX')
      .option('--time-zone <iana>', 'e.g. America/Mexico_City')
      .option('--tax-id <id>', "the company's own tax id (RFC, RUT); empty: not checked")
      .option('--payment-term-days <days>', 'due date of an invoice that names none: issue date + this')
      .option('--cents-tolerance <minor>', 'a balance at or under this (minor units) counts as settled')
      .option('--past-invoices-start <date>', 'invoices due before this date are never dunned; "" clears it')
      .option('--new-invoices-start <date>', 'issue notices only for invoices issued from this date; "" clears it')
      .option('--require-attachments', "invoice reminders wait for the invoice's XML/PDF")
      .option('--no-require-attachments', 'invoice reminders do not wait for documents')
      .option('--payment-allocation <how>', 'payments naming no invoices: oldest_first or as_given');

  settingsOptions(
    tenants
      .command('create')
      .description('create a tenant (operator: admin token); prints its API key, shown once')
      .option('--country <iso3166>', 'e.g. MX, CL (fixed)')
      .option('--currency <iso4217>', 'default currency, e.g. MXN (fixed)'),
  ).action(
    withContext(async (context, options: TenantOptions) => {
      const request = createTenantRequest(options);
      const answer = await context
        .adminClient('receivables')
        .unary('CreateTenant', receivables.CreateTenantRequest, receivables.CreateTenantResponse, request);
      emit(context.json, answer, () => `${describeTenant(answer.tenant!)}\nAPI key (shown once): ${answer.apiKey}`);
    }),
  );

  tenants
    .command('show')
    .description('the tenant of the API key, with its settings')
    .action(
      withContext(async (context) => {
        const { tenant } = await context
          .tenantClient('receivables')
          .unary('GetTenant', receivables.GetTenantRequest, receivables.GetTenantResponse, {});
        emit(context.json, tenant, () => describeTenant(tenant!));
      }),
    );

  settingsOptions(
    tenants.command('update').description("change the tenant's profile and settings (what is not given stays)"),
  ).action(
    withContext(async (context, options: TenantOptions) => {
      const request = updateTenantRequest(options);
      const { tenant } = await context
        .tenantClient('receivables')
        .unary('UpdateTenant', receivables.UpdateTenantRequest, receivables.UpdateTenantResponse, request);
      emit(context.json, tenant, () => describeTenant(tenant!));
    }),
  );
}

function describeTenant(tenant: receivables.Tenant): string {
  const settings = tenant.settings;
  return record([
    ['id', tenant.id],
    ['name', tenant.name],
    ['country', tenant.country],
    ['time zone', tenant.timeZone],
    ['currency', tenant.defaultCurrency],
    ['locale', tenant.locale],
    ['tax id', tenant.taxId],
    ['payment term (days)', settings?.defaultPaymentTermDays],
    ['cents tolerance (minor)', settings?.centsToleranceMinor],
    ['past invoices start', settings?.pastInvoicesStartDate],
    ['new invoices start', settings?.newInvoicesStartDate],
    ['require attachments', settings?.requireAttachments],
    ['payment allocation', short(settings?.paymentAllocation ?? '', 'PAYMENT_ALLOCATION_')],
  ]);
}
