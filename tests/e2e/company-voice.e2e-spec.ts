import { status, type Metadata, type ServiceError } from '@grpc/grpc-js';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { PNG } from 'pngjs';
import { firstValueFrom, type Observable } from 'rxjs';
import { renderer, scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { waitFor } from '@chasqui/testing';
import { Stack } from './support/stack';
import { customerWithContact, isoDate, noonInMexicoCity, tenantWithOverdueRule } from './support/scenario';

jest.setTimeout(180_000);

const TODAY = '2026-11-22';

async function refusal(call: Observable<unknown>): Promise<{ code: number; fields: string[]; descriptions: string[] }> {
  try {
    await firstValueFrom(call);
  } catch (error) {
    const failure = error as ServiceError;
    const violations = readBadRequest(failure);
    return {
      code: failure.code,
      fields: violations.map((v) => v.field),
      descriptions: violations.map((v) => v.description),
    };
  }
  throw new Error('the call succeeded');
}

function logoPng(): Buffer {
  const png = new PNG({ width: 8, height: 4 });
  png.data.fill(90);
  return PNG.sync.write(png);
}

const branding = (overrides: Partial<renderer.Branding> = {}): renderer.Branding => ({
  logo: logoPng(),
  logoContentType: '',
  alignment: renderer.LogoAlignment.LOGO_ALIGNMENT_CENTER,
  primaryColour: '#0b6e4f',
  accentColour: '#b45309',
  address: 'Av. Constitución 100, Monterrey, N.L.',
  phone: '+52 81 5555 0000',
  website: 'https://norte.example.mx',
  taxId: 'DNO010101AAA',
  paperSize: renderer.PaperSize.PAPER_SIZE_UNSPECIFIED,
  ...overrides,
});

const CLABE = '002010077777777771';

const template = (overrides: Partial<renderer.UpsertTemplateRequest> = {}): renderer.UpsertTemplateRequest => ({
  templateId: '',
  kind: renderer.TemplateKind.TEMPLATE_KIND_OVERDUE,
  locale: 'es-MX',
  name: 'Vencidas, tono Norte',
  active: true,
  content: {
    subject: 'Recordatorio de {{company}}: {{#single}}factura {{firstInvoiceNumber}}{{/single}}',
    fromName: 'Cobranza Norte',
    html: '<p>Hola {{contactName}},</p>\n<ul>{{#invoices}}<li>{{number}}: {{balance}}</li>{{/invoices}}</ul>\n<p>Gracias.</p>',
    text: 'Hola {{contactName}},\n{{#invoices}}- {{number}}: {{balance}}\n{{/invoices}}Gracias.\n',
  },
  ...overrides,
});

describe("a company's own voice: templates, branding and payment instructions", () => {
  const stack = new Stack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('refuses what a tenant must not save, naming the field, the line and the variable', async () => {
    const { auth } = await tenantWithOverdueRule(stack, 'Refusals S.A.');
    const content = template().content!;

    const unknown = await refusal(
      stack.renderer.upsertTemplate(
        template({ content: { ...content, html: '<p>Hola</p>\n<p>{{customerNmae}}</p>' } }),
        auth,
      ),
    );
    expect(unknown).toEqual({
      code: status.INVALID_ARGUMENT,
      fields: ['content.html'],
      descriptions: ['line 2, column 4: unknown variable "customerNmae"'],
    });
    for (const html of [
      '{{{customerName}}}',
      '{{> header}}',
      '{{=<% %>=}}',
      '{{#invoices}}',
      'x'.repeat(1_048_576),
      '<p onclick="steal()">{{company}}</p>',
      '<script>alert(1)</script>',
    ]) {
      const refused = await refusal(stack.renderer.upsertTemplate(template({ content: { ...content, html } }), auth));
      expect([refused.code, refused.fields]).toEqual([status.INVALID_ARGUMENT, ['content.html']]);
    }

    const badLogo = await refusal(
      stack.renderer.updateBranding({ branding: branding({ logo: logoPng().subarray(0, 60) }), keepLogo: false }, auth),
    );
    expect([badLogo.code, badLogo.fields]).toEqual([status.INVALID_ARGUMENT, ['branding.logo']]);
    expect(badLogo.descriptions[0]).toMatch(/does not decode/);
    const pale = await refusal(
      stack.renderer.updateBranding({ branding: branding({ primaryColour: '#fafafa' }), keepLogo: false }, auth),
    );
    expect(pale.fields).toEqual(['branding.primary_colour']);

    const badClabe = await refusal(
      stack.renderer.updatePaymentInstructions(
        {
          instructions: {
            accounts: [
              {
                bank: 'BBVA',
                accountType: renderer.AccountType.ACCOUNT_TYPE_CLABE,
                number: '002010077777777772',
                holder: 'Refusals S.A.',
                holderTaxId: '',
                currency: 'MXN',
              },
            ],
            note: '',
          },
        },
        auth,
      ),
    );
    expect(badClabe).toEqual({
      code: status.INVALID_ARGUMENT,
      fields: ['instructions.accounts[0].number'],
      descriptions: ['check digit must be 1'],
    });
  });

  it('keeps an SVG logo without its script', async () => {
    const { auth } = await tenantWithOverdueRule(stack, 'Vectores S.A.');
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert(1)">' +
        '<script>alert(2)</script><rect width="40" height="20" fill="#0b6e4f"/></svg>',
    );
    const { branding: saved } = await firstValueFrom(
      stack.renderer.updateBranding({ branding: branding({ logo: svg }), keepLogo: false }, auth),
    );
    const stored = Buffer.from(saved!.logo).toString();
    expect(saved!.logoContentType).toBe('image/svg+xml');
    expect(stored).toContain('<rect');
    expect(stored).not.toMatch(/script|onload|alert/);
  });

  it('sends the reminder in the tenant’s words and look, records the version, and a rule names only its own templates', async () => {
    const { apiKey, auth, rule } = await tenantWithOverdueRule(stack, 'Distribuidora del Norte');
    const other = await tenantWithOverdueRule(stack, 'Otra Empresa');
    const customer = await customerWithContact(stack, apiKey, 'C-100', 'pagos@cliente.mx');
    await firstValueFrom(
      stack.receivables.createInvoice(
        {
          customerId: customer.id,
          series: 'F',
          folio: '88',
          issueDate: isoDate(TODAY, -40),
          dueDate: isoDate(TODAY, -10),
          currency: 'MXN',
          totalMinor: '1234550',
        },
        auth,
      ),
    );
    await firstValueFrom(stack.renderer.updateBranding({ branding: branding(), keepLogo: false }, auth));
    await firstValueFrom(
      stack.renderer.updatePaymentInstructions(
        {
          instructions: {
            accounts: [
              {
                bank: 'Banamex',
                accountType: renderer.AccountType.ACCOUNT_TYPE_CLABE,
                number: CLABE,
                holder: 'Distribuidora del Norte S.A. de C.V.',
                holderTaxId: 'DNO010101AAA',
                currency: 'MXN',
              },
            ],
            note: 'Envíe su comprobante a cobranza@norte.example.mx',
          },
        },
        auth,
      ),
    );
    const { template: saved } = await firstValueFrom(stack.renderer.upsertTemplate(template(), auth));
    expect(saved).toMatchObject({ version: 1, active: true, locale: 'es-MX' });

    // A rule may name the tenant's own template of its kind, and nothing else.
    const definition = (templateId: string, kind: 'overdue' | 'due_soon' = 'overdue') => ({
      name: 'Con plantilla',
      sendHour: 9,
      template: templateId,
      grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
      businessDaysOnly: false,
      ...(kind === 'overdue' ? { overdue: { fromDays: 5, everyDays: 5 } } : { dueSoon: { daysBefore: 3 } }),
    });
    const { template: foreign } = await firstValueFrom(stack.renderer.upsertTemplate(template(), other.auth));
    const stranger = await refusal(stack.scheduler.createRule(definition(foreign!.id), auth));
    expect([stranger.code, stranger.fields]).toEqual([status.INVALID_ARGUMENT, ['template']]);
    const wrongKind = await refusal(stack.scheduler.createRule(definition(saved!.id, 'due_soon'), auth));
    expect([wrongKind.code, wrongKind.fields]).toEqual([status.INVALID_ARGUMENT, ['template']]);
    await firstValueFrom(
      stack.scheduler.updateRule({ ruleId: rule.id, rule: definition(saved!.id) } as scheduler.UpdateRuleRequest, auth),
    );

    const cycle = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(cycle.queued).toBe(1);
    await waitFor(() => stack.smtp.messages.length === 1, 'the reminder');
    const mail = stack.smtp.messages[0]!;

    expect(mail.subject).toBe('Recordatorio de Distribuidora del Norte: factura F-88');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Cobranza Norte' });
    expect(mail.text).toContain('Hola Cuentas por pagar,');
    expect(mail.text).toContain('- F-88: $12,345.50');
    // The payment instructions follow a body that does not place them, in HTML and text.
    expect(mail.text).toContain(`Banamex · CLABE ${CLABE}`);
    expect(mail.html).toContain(CLABE);
    expect(mail.html).toContain('Envíe su comprobante a cobranza@norte.example.mx');
    expect(mail.html).toContain('#0b6e4f');
    // The logo travels in the email, shown by cid:.
    const logo = mail.attachments.find((a) => a.related);
    expect(logo).toMatchObject({ contentType: 'image/png', cid: 'logo@chasqui' });
    // mailparser swaps a cid: that finds its part for the part's data: the HTML shows this very image.
    expect(mail.html).toContain(`src="data:image/png;base64,${logo!.content.toString('base64')}"`);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.content }).toString().replace(/\s+/g, ' ');
    expect(text).toContain(`CLABE ${CLABE}`);
    expect(text).toContain('Av. Constitución 100, Monterrey, N.L.');

    // A later edit is a new version; what was sent keeps the version it used.
    const edited = await firstValueFrom(
      stack.renderer.upsertTemplate(
        template({ templateId: saved!.id, content: { ...template().content!, subject: 'Aviso de {{company}}' } }),
        auth,
      ),
    );
    expect(edited.template?.version).toBe(2);
    const pg = new Client({ connectionString: stack.databaseUrl });
    await pg.connect();
    try {
      const { rows } = await pg.query('select template_id, template_version from renderer.renditions');
      expect(rows).toEqual([{ template_id: saved!.id, template_version: 1 }]);
    } finally {
      await pg.end();
    }
    const { templates } = await firstValueFrom(
      stack.renderer.listTemplates({ kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: '' }, auth),
    );
    expect(templates.map((t) => [t.name, t.version, t.usage])).toEqual([
      ['Vencidas, tono Norte', 2, { emailsRendered: '1', customersReached: '1', activeRules: 1 }],
    ]);

    // The built-in default is there to start from; another tenant sees nothing of this one's.
    const builtIn = await firstValueFrom(
      stack.renderer.getTemplate(
        { templateId: '', kind: renderer.TemplateKind.TEMPLATE_KIND_DUE_SOON, locale: 'es-CL' },
        auth,
      ),
    );
    expect(builtIn.template).toMatchObject({ id: '', version: 0 });
    expect(builtIn.template?.content?.subject).toContain('vence');
    const walled = await refusal(
      stack.renderer.getTemplate(
        { templateId: saved!.id, kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: '' },
        other.auth as Metadata,
      ),
    );
    expect(walled.code).toBe(status.NOT_FOUND);
    const othersList = await firstValueFrom(
      stack.renderer.listTemplates({ kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: '' }, other.auth),
    );
    expect(othersList.templates.map((t) => t.id)).toEqual([foreign!.id]);
  });
});
