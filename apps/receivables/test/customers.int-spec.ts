import { status, type Metadata } from '@grpc/grpc-js';
import { readBadRequest } from '@chasqui/grpc';
import { call, failure } from './support/calls';
import { ReceivablesServer } from './support/receivables-server';

jest.setTimeout(120_000);

describe('customers of a tenant', () => {
  const server = new ReceivablesServer();
  let auth: Metadata;
  const create = (externalId: string, legalName: string, taxId = '') =>
    call(
      server.client.createCustomer({ externalId, legalName, taxId, timeZone: '', locale: '', contacts: [] }, auth),
    ).then((r) => r.customer!);

  beforeAll(async () => {
    await server.start();
    ({ auth } = await server.tenant());
  });
  afterAll(() => server.stop());

  it('refuses a second customer with the same external id', async () => {
    await create('dup', 'Uno');
    const error = await failure(
      server.client.createCustomer(
        { externalId: 'dup', legalName: 'Dos', taxId: '', timeZone: '', locale: '', contacts: [] },
        auth,
      ),
    );
    expect(error.code).toBe(status.ALREADY_EXISTS);
    expect(readBadRequest(error)[0].field).toBe('external_id');
  });

  it('changes only the fields given, validating the tax id again', async () => {
    const c = await create('upd', 'Antes S.A.', 'CTO021007DZ8');
    const { customer } = await call(
      server.client.updateCustomer({ customerId: c.id, legalName: 'Después S.A.', creditDays: 60 }, auth),
    );
    expect(customer).toMatchObject({ legalName: 'Después S.A.', taxId: 'CTO021007DZ8', creditDays: 60 });
    const bad = await failure(server.client.updateCustomer({ customerId: c.id, taxId: 'NOPE' }, auth));
    expect(readBadRequest(bad)[0].field).toBe('tax_id');
  });

  it('finds customers by part of the name or the start of the tax id, a page at a time', async () => {
    const { auth: own } = await server.tenant({ name: 'Búsquedas' });
    const names = ['Ferretería Alfa', 'ferretería Beta', 'Constructora Gamma', 'Ferretería Delta', 'Papelería Épsilon'];
    for (const [i, name] of names.entries()) {
      await call(
        server.client.createCustomer(
          {
            externalId: `S-${i}`,
            legalName: name,
            taxId: i === 2 ? 'CGA010101AB1' : '',
            timeZone: '',
            locale: '',
            contacts: [],
          },
          own,
        ),
      );
    }
    const pages: string[][] = [];
    let pageToken = '';
    do {
      const page = await call(server.client.searchCustomers({ query: 'FERRETERÍA', pageSize: 2, pageToken }, own));
      pages.push(page.customers.map((c) => c.legalName));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(pages).toEqual([['Ferretería Alfa', 'ferretería Beta'], ['Ferretería Delta']]);
    const byTaxId = await call(server.client.searchCustomers({ query: 'cga01', pageSize: 0, pageToken: '' }, own));
    expect(byTaxId.customers.map((c) => c.legalName)).toEqual(['Constructora Gamma']);
    const wildcard = await call(server.client.searchCustomers({ query: '%', pageSize: 0, pageToken: '' }, own));
    expect(wildcard.customers).toEqual([]);
    const badToken = await failure(
      server.client.searchCustomers({ query: '', pageSize: 10, pageToken: 'garbage' }, own),
    );
    expect(readBadRequest(badToken)[0].field).toBe('page_token');
  });

  it('deletes a customer with no documents, and refuses one with invoices', async () => {
    const empty = await create('del-empty', 'Sin Facturas');
    await call(server.client.deleteCustomer({ customerId: empty.id }, auth));
    expect((await failure(server.client.updateCustomer({ customerId: empty.id, legalName: 'X' }, auth))).code).toBe(
      status.NOT_FOUND,
    );
    const busy = await create('del-busy', 'Con Facturas');
    await call(
      server.client.createInvoice(
        {
          customerId: busy.id,
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
    expect((await failure(server.client.deleteCustomer({ customerId: busy.id }, auth))).code).toBe(
      status.FAILED_PRECONDITION,
    );
  });

  it('adds a contact, flags it undeliverable and returns it to service', async () => {
    const c = await create('contacts', 'Con Contactos');
    const added = await call(
      server.client.addContact(
        {
          customerId: c.id,
          contact: { name: 'Cobranza', email: 'cxp@cliente.mx', role: 'billing', receivesReminders: true },
        },
        auth,
      ),
    );
    const contactId = added.customer!.contacts[0].id;
    const off = await call(server.client.updateContact({ contactId, undeliverable: true }, auth));
    expect(off.customer!.contacts[0]).toMatchObject({ undeliverable: true, email: 'cxp@cliente.mx' });
    const fixed = await call(
      server.client.updateContact({ contactId, email: 'pagos@cliente.mx', undeliverable: false }, auth),
    );
    expect(fixed.customer!.contacts[0]).toMatchObject({
      undeliverable: false,
      undeliverableReason: '',
      email: 'pagos@cliente.mx',
    });
    const bad = await failure(server.client.updateContact({ contactId, email: 'not-an-email' }, auth));
    expect(readBadRequest(bad)[0].field).toBe('email');
    const missing = await failure(server.client.addContact({ customerId: c.id }, auth));
    expect(readBadRequest(missing)[0].field).toBe('contact');
  });

  it("keeps another tenant's customers out of reach", async () => {
    const mine = await create('mine', 'Mío S.A.');
    const { auth: other } = await server.tenant({ name: 'Ajena' });
    expect(
      (await failure(server.client.updateCustomer({ customerId: mine.id, legalName: 'Robado' }, other))).code,
    ).toBe(status.NOT_FOUND);
    expect((await failure(server.client.deleteCustomer({ customerId: mine.id }, other))).code).toBe(status.NOT_FOUND);
    const contact = { name: 'X', email: 'x@y.mx', role: '', receivesReminders: true };
    expect((await failure(server.client.addContact({ customerId: mine.id, contact }, other))).code).toBe(
      status.NOT_FOUND,
    );
    const search = await call(server.client.searchCustomers({ query: 'Mío', pageSize: 0, pageToken: '' }, other));
    expect(search.customers).toEqual([]);
  });
});
