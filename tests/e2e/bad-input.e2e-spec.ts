import { status, type ServiceError } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { Metadata } from '@grpc/grpc-js';
import { firstValueFrom } from 'rxjs';
import { Client } from 'pg';
import { Stack } from './support/stack';
import { customerWithContact, tenantWithOverdueRule } from './support/scenario';

jest.setTimeout(120_000);

async function failure(call: Promise<unknown>): Promise<ServiceError> {
  try {
    await call;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('the call succeeded');
}

describe('bad input to receivables', () => {
  const stack = new Stack();
  let auth: Metadata;
  let customerId: string;
  const valid = () => ({
    customerId,
    series: 'B',
    folio: '7',
    issueDate: '2026-11-01',
    dueDate: '2026-12-01',
    currency: 'MXN',
    totalMinor: '10000',
  });

  beforeAll(async () => {
    await stack.start();
    const tenant = await tenantWithOverdueRule(stack, 'Papelería Central');
    auth = tenant.auth;
    customerId = (await customerWithContact(stack, tenant.apiKey, 'C-1', 'cxp@cliente.mx')).id;
  });
  afterAll(() => stack.stop());

  it.each([
    ['a negative amount', { totalMinor: '-1' }, status.INVALID_ARGUMENT, 'total_minor'],
    ['an unknown currency', { currency: 'XXQ' }, status.INVALID_ARGUMENT, 'currency'],
    ['a due date before the issue date', { dueDate: '2026-10-01' }, status.INVALID_ARGUMENT, 'due_date'],
    ['a date that does not exist', { issueDate: '2026-02-30' }, status.INVALID_ARGUMENT, 'issue_date'],
    ['an unknown customer', { customerId: '6f1c1d1e-0000-4000-8000-000000000000' }, status.NOT_FOUND, 'customer_id'],
    ['a customer id that is not a UUID', { customerId: 'x' }, status.INVALID_ARGUMENT, 'customer_id'],
  ])('CreateInvoice with %s is refused naming the field, and nothing is written', async (_, change, code, field) => {
    const error = await failure(firstValueFrom(stack.receivables.createInvoice({ ...valid(), ...change }, auth)));
    expect(error.code).toBe(code);
    expect(readBadRequest(error).map((v) => v.field)).toContain(field);
    expect(await countInvoices()).toBe(0);
  });

  it('a request without a valid API key is UNAUTHENTICATED', async () => {
    const noKey = await failure(firstValueFrom(stack.receivables.createInvoice(valid(), new Metadata())));
    expect(noKey.code).toBe(status.UNAUTHENTICATED);
    const wrongKey = await failure(
      firstValueFrom(stack.receivables.createInvoice(valid(), stack.tenantMetadata('chq_nope'))),
    );
    expect(wrongKey.code).toBe(status.UNAUTHENTICATED);
    const scheduler = await failure(firstValueFrom(stack.scheduler.runCycle({}, stack.tenantMetadata('chq_nope'))));
    expect(scheduler.code).toBe(status.UNAUTHENTICATED);
  });

  it("another tenant's key sees nothing of this tenant's customer", async () => {
    const other = await tenantWithOverdueRule(stack, 'Otra Empresa');
    const error = await failure(
      firstValueFrom(
        stack.receivables.getStatement(
          { customerId, asOf: '2026-11-22', scope: receivables.StatementScope.STATEMENT_SCOPE_ALL_OPEN },
          other.auth,
        ),
      ),
    );
    expect(error.code).toBe(status.NOT_FOUND);
    const invoice = await failure(firstValueFrom(stack.receivables.createInvoice(valid(), other.auth)));
    expect(invoice.code).toBe(status.NOT_FOUND);
  });

  async function countInvoices(): Promise<number> {
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('select count(*)::int as n from receivables.invoices');
      return rows[0].n;
    } finally {
      await client.end();
    }
  }
});
