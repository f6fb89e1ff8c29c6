import { execFileSync } from 'node:child_process';
import { firstValueFrom } from 'rxjs';
import { signStatementLink } from '@chasqui/statement-links';
import { waitFor } from '@chasqui/testing';
import { Stack } from './support/stack';
import { customerWithContact, isoDate, noonInMexicoCity, tenantWithOverdueRule } from './support/scenario';

jest.setTimeout(180_000);

const TODAY = '2026-11-22';

describe('the statement link of a run preview', () => {
  const stack = new Stack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('opens the customer’s current statement as a PDF from the renderer, and nothing for a tampered link', async () => {
    const { apiKey, auth } = await tenantWithOverdueRule(stack, 'Papelería El Cóndor');
    const customer = await customerWithContact(stack, apiKey, 'C-777', 'pagos@condor.mx');
    const invoice = async (folio: string, totalMinor: string) =>
      (
        await firstValueFrom(
          stack.receivables.createInvoice(
            {
              customerId: customer.id,
              series: 'B',
              folio,
              issueDate: isoDate(TODAY, -40),
              dueDate: isoDate(TODAY, -10),
              currency: 'MXN',
              totalMinor,
            },
            auth,
          ),
        )
      ).invoice!;
    await invoice('501', '880000');
    const paidLater = await invoice('502', '120000');

    const preview = await firstValueFrom(stack.scheduler.previewRun({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(preview.planned).toHaveLength(2);
    const link = preview.planned[0].statementLink;
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${stack.statementPort}/statements/[\\w-]+\\.[\\w-]+$`));

    // Balances are read when the link is opened: B-502, paid after the preview, is no longer on it.
    await firstValueFrom(
      stack.receivables.recordPayment(
        {
          externalId: 'PAGO-1',
          customerId: customer.id,
          date: TODAY,
          currency: 'MXN',
          amountMinor: '120000',
          allocations: [{ invoiceId: paidLater.id, amountMinor: '120000' }],
        },
        auth,
      ),
    );
    const opened = await fetch(link);
    expect([opened.status, opened.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(await opened.arrayBuffer()) }).toString();
    expect(text).toContain('B-501');
    expect(text).toContain('8,800.00');
    expect(text).not.toContain('B-502');

    const [payload, signature] = link.slice(link.lastIndexOf('/') + 1).split('.');
    const tampered = `${link.slice(0, link.lastIndexOf('/') + 1)}${payload}A.${signature}`;
    expect((await fetch(tampered)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${stack.statementPort}/statements/nothing`)).status).toBe(404);

    // Signed with the right secret, but naming no statement: 404, never a server error.
    const [tenantId] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as string[];
    const signed = { tenantId, customerId: customer.id, asOf: TODAY, expiresAt: Math.floor(Date.now() / 1000) + 600 };
    for (const malformed of [
      { customerId: 'C-777' }, // not a UUID
      { asOf: 'ayer' }, // not a date
      { asOf: '2026-02-30' }, // no such day
      { asOf: '3000-01-01' }, // a date receivables refuses (INVALID_ARGUMENT)
      { customerId: '0190a6c4-0000-7000-8000-000000000001' }, // no such customer (NOT_FOUND)
      { tenantId: '0190a6c4-0000-7000-8000-000000000002' }, // another tenant
    ]) {
      const token = signStatementLink(stack.statementLinkSecret, { ...signed, ...malformed });
      const answer = await fetch(`http://127.0.0.1:${stack.statementPort}/statements/${token}`);
      expect({ malformed, status: answer.status }).toEqual({ malformed, status: 404 });
    }

    // The reminder itself carries a link of its own, in the HTML and the text.
    const cycle = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(cycle.queued).toBe(1);
    await waitFor(() => stack.smtp.messages.length === 1, 'the reminder');
    const mail = stack.smtp.messages[0];
    const inText = /(http:\/\/127\.0\.0\.1:\d+\/statements\/[\w-]+\.[\w-]+)/.exec(mail.text ?? '')?.[1];
    expect(inText).toBeDefined();
    expect(String(mail.html)).toContain(`href="${inText!.replace(/\//g, '&#x2F;')}"`);
    const fromMail = await fetch(inText!);
    expect([fromMail.status, fromMail.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  });
});
