import { firstValueFrom } from 'rxjs';
import { receivables, renderer, scheduler } from '@chasqui/contracts';
import { waitFor } from '@chasqui/testing';
import { Stack } from './support/stack';
import { customerWithContact, isoDate, noonInMexicoCity, tenantWithOverdueRule } from './support/scenario';

jest.setTimeout(180_000);

const TODAY = '2026-11-22';
/** Room for the invoice's XML but not also its PDF. */
const CAP = 4_096;

const xml = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>\n<cfdi:Comprobante Serie="D" Folio="55" Total="4500.00">${' '.repeat(900)}</cfdi:Comprobante>\n`,
);
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3_500, 0x20), Buffer.from('\n%%EOF\n')]);

describe('a due-soon reminder carries the invoice itself', () => {
  const stack = new Stack({ renderer: { ATTACHMENTS_MAX_BYTES: String(CAP) } });
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('attaches what fits under the cap and links the rest, the links unforgeable', async () => {
    const { apiKey, auth } = await tenantWithOverdueRule(stack, 'Papelera del Bajío');
    await firstValueFrom(
      stack.scheduler.createRule(
        {
          name: 'Vence en 3 días',
          sendHour: 9,
          template: '',
          grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
          businessDaysOnly: false,
          dueSoon: { daysBefore: 3 },
        },
        auth,
      ),
    );
    const customer = await customerWithContact(stack, apiKey, 'C-55', 'cxp@bajio-cliente.mx');
    const { invoice } = await firstValueFrom(
      stack.receivables.createInvoice(
        {
          customerId: customer.id,
          series: 'D',
          folio: '55',
          issueDate: isoDate(TODAY, -27),
          dueDate: isoDate(TODAY, 3),
          currency: 'MXN',
          totalMinor: '450000',
        },
        auth,
      ),
    );
    for (const [kind, filename, content] of [
      [receivables.AttachmentKind.ATTACHMENT_KIND_XML, 'D-55.xml', xml],
      [receivables.AttachmentKind.ATTACHMENT_KIND_PDF, 'D-55.pdf', pdf],
    ] as const) {
      await firstValueFrom(stack.receivables.attachDocument({ invoiceId: invoice!.id, kind, filename, content }, auth));
    }

    const preview = await firstValueFrom(
      stack.renderer.previewReminder(
        {
          customerId: customer.id,
          asOf: TODAY,
          ruleId: '',
          templateId: '',
          kind: renderer.TemplateKind.TEMPLATE_KIND_DUE_SOON,
          invoiceIds: [],
        },
        auth,
      ),
    );
    expect(preview.attachmentNames).toEqual(['D-55.xml']);
    expect(preview.statementPdf).toHaveLength(0);

    const cycle = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(cycle.queued).toBe(1);
    await waitFor(() => stack.smtp.messages.length === 1, 'the due-soon reminder');
    const mail = stack.smtp.messages[0]!;

    expect(mail.subject).toContain('vence pronto');
    // The XML travels; the PDF would pass the cap: a link instead, and no statement PDF on a due-soon reminder.
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['D-55.xml', 'application/xml']]);
    expect(mail.attachments[0]!.content.equals(xml)).toBe(true);
    const link = new RegExp(`D-55\\.pdf: (http://127\\.0\\.0\\.1:${stack.statementPort}/documents/[\\w-]+\\.[\\w-]+)`);
    const url = link.exec(mail.text ?? '')?.[1];
    expect(url).toBeDefined();
    expect(mail.html).toContain(url!.replace(/\//g, '&#x2F;'));

    const download = await fetch(url!);
    expect([download.status, download.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    const tampered = await fetch(url!.replace(/\.[\w-]+$/, '.AAAA'));
    expect(tampered.status).toBe(404);
  });
});
