import { NotFound } from '@chasqui/errors';

/**
 * A customer id receivables never announced (or deleted): nothing is stored
 * for it. A customer created a moment ago is announced within seconds, so
 * the caller may retry.
 */
export function unknownCustomer(field: string, customerIds: string[]): NotFound {
  const named =
    customerIds.slice(0, 5).join(', ') + (customerIds.length > 5 ? ` and ${customerIds.length - 5} more` : '');
  return new NotFound(
    'CUSTOMER.NOT_FOUND',
    field,
    `no customer ${named} announced by receivables (a customer created a moment ago may not be announced yet: retry shortly)`,
  );
}
