import { execFileSync } from 'node:child_process';
import { firstValueFrom } from 'rxjs';
import { delivery } from '@chasqui/contracts';
import { Stack } from './support/stack';
import { customerWithContact, isoDate, noonInMexicoCity, tenantWithOverdueRule } from './support/scenario';
import { settle, waitFor } from '@chasqui/testing';

jest.setTimeout(180_000);

const TODAY = '2026-11-22';

describe('an invoice 10 days overdue under "from 5 days, every 5"', () => {
  const stack = new Stack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('sends one email with the statement PDF, none again for the same day, a second five days later', async () => {
    const { apiKey, auth } = await tenantWithOverdueRule(stack, 'Ferretería La Paloma');
    const customer = await customerWithContact(stack, apiKey, 'C-001', 'pagos@cliente.mx');
    const { invoice } = await firstValueFrom(
      stack.receivables.createInvoice(
        {
          customerId: customer.id,
          series: 'A',
          folio: '1024',
          issueDate: isoDate(TODAY, -40),
          dueDate: isoDate(TODAY, -10),
          currency: 'MXN',
          totalMinor: '1234550',
        },
        auth,
      ),
    );
    expect(invoice?.number).toBe('A-1024');

    const first = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(first.queued).toBe(1);
    await waitFor(() => stack.smtp.messages.length === 1, 'the first reminder');

    const mail = stack.smtp.messages[0];
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('pagos@cliente.mx');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@/);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf).toBeDefined();
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf!.content }).toString();
    expect(text).toContain('A-1024');
    expect(text).toContain('12,345.50');

    const again = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(again.queued).toBe(0);
    await settle(() => stack.smtp.messages.length);
    expect(stack.smtp.messages).toHaveLength(1);

    const later = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(isoDate(TODAY, 5)) }, auth));
    expect(later.queued).toBe(1);
    await waitFor(() => stack.smtp.messages.length === 2, 'the second reminder');
    expect(stack.smtp.messages[1].messageId).not.toBe(mail.messageId);

    await waitFor(async () => {
      const { messages } = await firstValueFrom(
        stack.delivery.listActivity({ customerId: customer.id, invoiceId: '', pageSize: 0, pageToken: '' }, auth),
      );
      return messages.filter((m) => m.status === delivery.MessageStatus.MESSAGE_STATUS_SENT).length === 2;
    }, 'the activity log to show both as sent');
    const { messages } = await firstValueFrom(
      stack.delivery.listActivity({ customerId: customer.id, invoiceId: '', pageSize: 0, pageToken: '' }, auth),
    );
    expect(messages.map((m) => m.messageId).sort()).toEqual(stack.smtp.messages.map((m) => m.messageId).sort());
    expect(messages.every((m) => m.invoiceIds.includes(invoice!.id))).toBe(true);

    // What an operator sees on delivery's /metrics.
    const metrics = await fetch(`http://127.0.0.1:${stack.services.delivery.httpPort}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/delivery_smtp_outcomes_total\{status="sent",service="delivery"\} 2/);
    expect(metrics).toMatch(/messaging_consumed_total\{queue="delivery.send-jobs",outcome="ok",service="delivery"\} 2/);
  });
});
