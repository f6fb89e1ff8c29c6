import { scheduler } from '@chasqui/contracts';
import { firstValueFrom } from 'rxjs';
import type { Stack } from './stack';

/** Dates relative to a fixed "today" so the scenario reads like the calendar it is. */
export function isoDate(base: string, plusDays: number): string {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date.toISOString().slice(0, 10);
}

/** Noon in Mexico City on a local date, as a protobuf Timestamp. */
export function noonInMexicoCity(date: string) {
  return { seconds: String(Date.parse(`${date}T18:00:00Z`) / 1000), nanos: 0 };
}

/** A tenant with one customer (two contacts) and an overdue rule from 5 days, every 5. */
export async function tenantWithOverdueRule(stack: Stack, name: string) {
  const { tenant, apiKey } = await firstValueFrom(
    stack.receivables.createTenant(
      { name, country: 'MX', timeZone: 'America/Mexico_City', defaultCurrency: 'MXN', locale: 'es-MX', taxId: '' },
      stack.adminMetadata(),
    ),
  );
  const auth = stack.tenantMetadata(apiKey);
  const { rule } = await firstValueFrom(
    stack.scheduler.createRule(
      {
        name: 'Vencidas cada 5 días',
        sendHour: 9,
        template: '',
        grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
        businessDaysOnly: false,
        overdue: { fromDays: 5, everyDays: 5 },
      },
      auth,
    ),
  );
  return { tenant: tenant!, apiKey, auth, rule: rule! };
}

export async function customerWithContact(stack: Stack, apiKey: string, externalId: string, email: string) {
  const { customer } = await firstValueFrom(
    stack.receivables.createCustomer(
      {
        externalId,
        legalName: `Cliente ${externalId} S.A. de C.V.`,
        taxId: 'XAXX010101000',
        timeZone: '',
        locale: '',
        contacts: [{ name: 'Cuentas por pagar', email, role: 'billing', receivesReminders: true }],
      },
      stack.tenantMetadata(apiKey),
    ),
  );
  return customer!;
}
