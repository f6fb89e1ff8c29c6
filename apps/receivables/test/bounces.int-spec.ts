import { delivery, receivables } from '@chasqui/contracts';
import { serviceMetadata } from '@chasqui/grpc';
import { connectProbe, waitFor } from '@chasqui/testing';
import { randomUUID } from 'node:crypto';
import { concatMap, firstValueFrom, toArray } from 'rxjs';
import { ReceivablesServer } from './support/receivables-server';

jest.setTimeout(120_000);

describe('a bounce reported by delivery', () => {
  const server = new ReceivablesServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  /** Publishes as delivery's relay would: protobuf body, messageId, type, headers. */
  async function publishBounce(bounce: delivery.MessageBounced, messageId = randomUUID()): Promise<void> {
    const connection = await connectProbe(server.amqpUrl);
    const channel = await connection.createConfirmChannel();
    channel.publish(
      'chasqui.events',
      'delivery.message.bounced',
      Buffer.from(delivery.MessageBounced.encode(bounce).finish()),
      {
        persistent: true,
        messageId,
        type: 'chasqui.delivery.v1.MessageBounced',
        headers: { 'tenant-id': bounce.tenantId, 'idempotency-key': messageId },
      },
    );
    await channel.waitForConfirms();
    await connection.close();
  }

  it('marks the contact undeliverable on a hard bounce, with the reason, and leaves soft bounces alone', async () => {
    const { id: tenantId, auth } = await server.tenant();
    const { customer } = await firstValueFrom(
      server.client.createCustomer(
        {
          externalId: 'B-1',
          legalName: 'Cliente',
          taxId: '',
          timeZone: '',
          locale: '',
          contacts: [
            { name: 'Pagos', email: 'pagos@cliente.mx', role: 'billing', receivesReminders: true },
            { name: 'Vacaciones', email: 'lleno@cliente.mx', role: 'billing', receivesReminders: true },
          ],
        },
        auth,
      ),
    );
    await firstValueFrom(
      server.client.createInvoice(
        {
          customerId: customer!.id,
          series: 'A',
          folio: '1',
          issueDate: '2026-10-01',
          dueDate: '2026-10-31',
          currency: 'MXN',
          totalMinor: '1000',
        },
        auth,
      ),
    );
    const contacts = async () =>
      (
        await server.sql.query(
          'select email, undeliverable, undeliverable_reason as reason from receivables.contacts order by email',
        )
      ).rows;
    const base = { tenantId, customerId: customer!.id, messageId: '<occ@chasqui.local>', status: '', occurrenceId: '' };

    await publishBounce({
      ...base,
      recipient: 'LLENO@cliente.mx',
      diagnostic: '452 4.2.2 mailbox full',
      permanent: false,
    });
    const hard = randomUUID();
    await publishBounce(
      { ...base, recipient: 'PAGOS@cliente.mx', diagnostic: '550 5.1.1 user unknown', permanent: true },
      hard,
    );
    await waitFor(async () => (await contacts()).some((c) => c.undeliverable), 'the contact to be flagged');
    await publishBounce({ ...base, recipient: 'pagos@cliente.mx', diagnostic: 'redelivered', permanent: true }, hard);

    expect(await contacts()).toEqual([
      { email: 'lleno@cliente.mx', undeliverable: false, reason: null },
      { email: 'pagos@cliente.mx', undeliverable: true, reason: '550 5.1.1 user unknown' },
    ]);
    const [item] = await firstValueFrom(
      server.client
        .listCollectibles(
          { dueFrom: '', dueTo: '', issuedFrom: '', customerId: '', changedSince: '', invoiceIds: [] },
          serviceMetadata('dev-service-token', tenantId),
        )
        .pipe(
          concatMap((page) => page.collectibles),
          toArray(),
        ),
    );
    expect(item.hasDeliverableContact).toBe(true); // the other contact still works
    const statement = await firstValueFrom(
      server.client.getStatement(
        { customerId: customer!.id, asOf: '2026-11-22', scope: receivables.StatementScope.STATEMENT_SCOPE_ALL_OPEN },
        auth,
      ),
    );
    expect(statement.statement!.customer!.contacts.find((c) => c.email === 'pagos@cliente.mx')).toMatchObject({
      undeliverable: true,
      undeliverableReason: '550 5.1.1 user unknown',
    });
  });
});
