import { status, type ServiceError } from '@grpc/grpc-js';
import { firstValueFrom } from 'rxjs';
import type { AddressObject } from 'mailparser';
import { scheduler } from '@chasqui/contracts';
import { settle, waitFor } from '@chasqui/testing';
import { Stack } from './support/stack';
import { isoDate, noonInMexicoCity, tenantWithOverdueRule } from './support/scenario';

jest.setTimeout(180_000);

const TODAY = '2026-11-22';

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address));

describe("a rule's audience, and a test send", () => {
  const stack = new Stack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('mails the contacts of the rule’s roles with its copies; a test goes to one address, marked, deciding nothing', async () => {
    const { apiKey, auth } = await tenantWithOverdueRule(stack, 'Aceros del Bajío');
    const tenantAuth = stack.tenantMetadata(apiKey);
    const { rule } = await firstValueFrom(
      stack.scheduler.createRule(
        {
          name: 'Vencidas a tesorería, con copia al vendedor',
          sendHour: 9,
          template: '',
          grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
          businessDaysOnly: false,
          overdue: { fromDays: 3 },
          audience: {
            contactRoles: ['Tesorería'],
            extraRecipients: ['cobranza@aceros.mx'],
            cc: ['vendedor@aceros.mx'],
            bcc: ['archivo@aceros.mx'],
          },
        },
        tenantAuth,
      ),
    );
    const { customer } = await firstValueFrom(
      stack.receivables.createCustomer(
        {
          externalId: 'T-1',
          legalName: 'Constructora Tesorera S.A. de C.V.',
          taxId: 'XAXX010101000',
          timeZone: '',
          locale: '',
          contacts: [
            { name: 'Tesorería', email: 'tesoreria@constructora.mx', role: 'tesoreria', receivesReminders: true },
            { name: 'Compras', email: 'compras@constructora.mx', role: 'compras', receivesReminders: true },
          ],
        },
        tenantAuth,
      ),
    );
    const { invoice } = await firstValueFrom(
      stack.receivables.createInvoice(
        {
          customerId: customer!.id,
          series: 'B',
          folio: '77',
          issueDate: isoDate(TODAY, -33),
          dueDate: isoDate(TODAY, -3),
          currency: 'MXN',
          totalMinor: '5000000',
        },
        auth,
      ),
    );

    // The tenant's first rule ("from 5 days, every 5") has nothing due yet; this one fires today.
    const cycle = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(cycle.queued).toBe(1);
    await waitFor(() => stack.smtp.messages.length === 1, 'the reminder');
    const reminder = stack.smtp.messages[0];
    expect(addresses(reminder.to)).toEqual(['tesoreria@constructora.mx', 'cobranza@aceros.mx']);
    expect(addresses(reminder.cc)).toEqual(['vendedor@aceros.mx']);
    expect(reminder.headers.has('bcc')).toBe(false);
    expect([...stack.smtp.envelopes[0]].sort()).toEqual(
      ['archivo@aceros.mx', 'cobranza@aceros.mx', 'tesoreria@constructora.mx', 'vendedor@aceros.mx'].sort(),
    );

    const test = await firstValueFrom(
      stack.scheduler.testSend({ ruleId: rule!.id, customerId: customer!.id, to: 'yo@aceros.mx' }, tenantAuth),
    );
    expect(test.invoiceIds).toEqual([invoice!.id]);
    await waitFor(() => stack.smtp.messages.length === 2, 'the test');
    const sent = stack.smtp.messages[1];
    expect(stack.smtp.envelopes[1]).toEqual(['yo@aceros.mx']);
    expect(addresses(sent.to)).toEqual(['yo@aceros.mx']);
    expect(sent.subject).toMatch(/^\[Prueba\] /);
    expect(sent.subject).toContain('B-77');
    expect(sent.attachments.some((a) => a.contentType === 'application/pdf')).toBe(true);

    // The log marks it a test; the customer's reminders are as they were.
    await waitFor(async () => {
      const { messages } = await firstValueFrom(
        stack.delivery.listActivity({ customerId: customer!.id, invoiceId: '', pageSize: 0, pageToken: '' }, auth),
      );
      return messages.length === 2 && messages.every((m) => m.smtpResponse !== '');
    }, 'both in the activity log');
    const { messages } = await firstValueFrom(
      stack.delivery.listActivity({ customerId: customer!.id, invoiceId: '', pageSize: 0, pageToken: '' }, auth),
    );
    expect(messages.map((m) => [m.occurrenceId === test.testId, m.test]).sort()).toEqual([
      [false, false],
      [true, true],
    ]);
    const again = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(again.queued).toBe(0);
    await settle(() => stack.smtp.messages.length);
    expect(stack.smtp.messages).toHaveLength(2);

    // A bad address is named; another tenant's rule is not found.
    const bad = await firstValueFrom(
      stack.scheduler.testSend({ ruleId: rule!.id, customerId: customer!.id, to: 'yo@' }, tenantAuth),
    ).catch((error: ServiceError) => error);
    expect((bad as ServiceError).code).toBe(status.INVALID_ARGUMENT);
    const other = await tenantWithOverdueRule(stack, 'Otra Empresa');
    const foreign = await firstValueFrom(
      stack.scheduler.testSend({ ruleId: rule!.id, customerId: customer!.id, to: 'yo@aceros.mx' }, other.auth),
    ).catch((error: ServiceError) => error);
    expect((foreign as ServiceError).code).toBe(status.NOT_FOUND);
  });
});
