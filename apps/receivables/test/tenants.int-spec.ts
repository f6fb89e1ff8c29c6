import { status, type Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { apiKeyMetadata, readBadRequest } from '@chasqui/grpc';
import { settle, waitFor } from '@chasqui/testing';
import { EventProbe } from './support/event-probe';
import { call, failure } from './support/calls';
import { ReceivablesServer } from './support/receivables-server';

jest.setTimeout(120_000);

const { PaymentAllocation } = receivables;

describe("a tenant's profile and settings", () => {
  const server = new ReceivablesServer();
  const probe = new EventProbe();
  beforeAll(async () => {
    await server.start();
    await probe.start(server.amqpUrl, 'receivables.tenant.#');
  });
  afterAll(async () => {
    await probe.stop();
    await server.stop();
  });

  const get = (auth: Metadata) => call(server.client.getTenant({}, auth)).then((r) => r.tenant!);
  const update = (auth: Metadata, request: receivables.UpdateTenantRequest) =>
    call(server.client.updateTenant(request, auth)).then((r) => r.tenant!);
  const changedEvents = (tenantId: string) =>
    probe
      .of('receivables.tenant.changed')
      .map((m) => receivables.TenantChanged.decode(m.body))
      .filter((e) => e.tenantId === tenantId);

  it('answers the tenant of the key with its settings, allocating payments oldest first unless told otherwise', async () => {
    const { id, auth } = await server.tenant({ taxId: 'isd950921he5' });
    expect(await get(auth)).toMatchObject({
      id,
      name: 'Ferretería La Paloma',
      country: 'MX',
      timeZone: 'America/Mexico_City',
      defaultCurrency: 'MXN',
      locale: 'es-MX',
      taxId: 'ISD950921HE5',
      settings: {
        defaultPaymentTermDays: 30,
        centsToleranceMinor: '0',
        pastInvoicesStartDate: '',
        newInvoicesStartDate: '',
        requireAttachments: false,
        paymentAllocation: PaymentAllocation.PAYMENT_ALLOCATION_OLDEST_FIRST,
      },
    });
    const asGiven = await server.tenant({
      settings: {
        defaultPaymentTermDays: 15,
        centsToleranceMinor: '0',
        pastInvoicesStartDate: '',
        newInvoicesStartDate: '',
        requireAttachments: false,
        paymentAllocation: PaymentAllocation.PAYMENT_ALLOCATION_AS_GIVEN,
      },
    });
    expect((await get(asGiven.auth)).settings).toMatchObject({
      defaultPaymentTermDays: 15,
      paymentAllocation: PaymentAllocation.PAYMENT_ALLOCATION_AS_GIVEN,
    });
  });

  it('changes every field given, leaves the others, and publishes each change once', async () => {
    const { id, auth } = await server.tenant({ taxId: 'isd950921he5' });
    const changed = await update(auth, {
      name: 'La Paloma SA de CV',
      locale: 'en',
      timeZone: 'America/Tijuana',
      defaultPaymentTermDays: 45,
      centsToleranceMinor: '99',
      pastInvoicesStartDate: '2026-01-01',
      newInvoicesStartDate: '2026-02-01',
      requireAttachments: true,
      taxId: 'EKU9003173C9',
      paymentAllocation: PaymentAllocation.PAYMENT_ALLOCATION_AS_GIVEN,
    });
    const expected = {
      id,
      name: 'La Paloma SA de CV',
      country: 'MX',
      timeZone: 'America/Tijuana',
      defaultCurrency: 'MXN',
      locale: 'en',
      taxId: 'EKU9003173C9',
      settings: {
        defaultPaymentTermDays: 45,
        centsToleranceMinor: '99',
        pastInvoicesStartDate: '2026-01-01',
        newInvoicesStartDate: '2026-02-01',
        requireAttachments: true,
        paymentAllocation: PaymentAllocation.PAYMENT_ALLOCATION_AS_GIVEN,
      },
    };
    // proto-loader adds a virtual `_paymentAllocation` (the optional field's oneof): compare what the proto says.
    expect(changed).toMatchObject(expected);
    expect(await get(auth)).toMatchObject(expected);
    await waitFor(() => changedEvents(id).length === 1, 'tenant.changed');
    expect(changedEvents(id)[0].tenant).toEqual(expected);

    // Absent fields stay; an empty start date or tax id clears it; the same values again change nothing.
    const cleared = await update(auth, { pastInvoicesStartDate: '', taxId: '' });
    expect(cleared).toMatchObject({
      ...expected,
      taxId: '',
      settings: { ...expected.settings, pastInvoicesStartDate: '' },
    });
    await update(auth, { name: 'La Paloma SA de CV', defaultPaymentTermDays: 45 });
    await update(auth, {});
    await waitFor(() => changedEvents(id).length >= 2, 'the second tenant.changed');
    await settle(() => changedEvents(id).length);
    expect(changedEvents(id).map((e) => e.tenant?.settings?.pastInvoicesStartDate)).toEqual(['2026-01-01', '']);
  });

  it('applies a changed payment term to the invoices issued after it', async () => {
    const { auth } = await server.tenant();
    await update(auth, { defaultPaymentTermDays: 10 });
    const { customer } = await call(
      server.client.createCustomer(
        { externalId: 'C-1', legalName: 'Cliente', taxId: '', timeZone: '', locale: '', contacts: [] },
        auth,
      ),
    );
    const { invoice } = await call(
      server.client.createInvoice(
        {
          customerId: customer!.id,
          series: 'A',
          folio: '1',
          issueDate: '2026-11-01',
          dueDate: '',
          currency: 'MXN',
          totalMinor: '100',
        },
        auth,
      ),
    );
    expect(invoice!.dueDate).toBe('2026-11-11');
  });

  it.each<[string, receivables.UpdateTenantRequest, string]>([
    ['an empty name', { name: '  ' }, 'name'],
    ['a name too long', { name: 'x'.repeat(201) }, 'name'],
    ['a locale that is not one', { locale: 'spanish' }, 'locale'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'time_zone'],
    ['a negative payment term', { defaultPaymentTermDays: -1 }, 'default_payment_term_days'],
    ['a payment term over ten years', { defaultPaymentTermDays: 3651 }, 'default_payment_term_days'],
    ['a negative tolerance', { centsToleranceMinor: '-1' }, 'cents_tolerance_minor'],
    ['a date that does not exist', { pastInvoicesStartDate: '2026-02-30' }, 'past_invoices_start_date'],
    ['a date that is not one', { newInvoicesStartDate: 'tomorrow' }, 'new_invoices_start_date'],
    ['a tax id that is not an RFC', { taxId: 'CTO021307DZ8' }, 'tax_id'],
  ])('refuses %s, naming the field, and changes nothing', async (_, request, field) => {
    const { id, auth } = await server.tenant();
    const before = await get(auth);
    const error = await failure(server.client.updateTenant({ ...request, name: request.name ?? 'Nuevo' }, auth));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(error).map((v) => v.field)).toEqual([field]);
    expect(await get(auth)).toEqual(before);
    await settle(() => changedEvents(id).length, 500);
    expect(changedEvents(id)).toEqual([]);
  });

  it("another tenant's key reads and changes only its own tenant", async () => {
    const a = await server.tenant({ name: 'Tenant A' });
    const b = await server.tenant({ name: 'Tenant B' });
    const aBefore = await get(a.auth);
    expect((await get(b.auth)).id).toBe(b.id);
    const changed = await update(b.auth, {
      name: 'B renamed',
      paymentAllocation: PaymentAllocation.PAYMENT_ALLOCATION_AS_GIVEN,
    });
    expect(changed).toMatchObject({ id: b.id, name: 'B renamed' });
    expect(await get(a.auth)).toEqual(aBefore);
    const { rows } = await server.sql.query(`select name, payment_allocation from receivables.tenants where id = $1`, [
      a.id,
    ]);
    expect(rows).toEqual([{ name: 'Tenant A', payment_allocation: 'oldest_first' }]);
    for (const forged of [apiKeyMetadata('chq_nope')]) {
      expect((await failure(server.client.getTenant({}, forged))).code).toBe(status.UNAUTHENTICATED);
      expect((await failure(server.client.updateTenant({ name: 'X' }, forged))).code).toBe(status.UNAUTHENTICATED);
    }
  });
});
