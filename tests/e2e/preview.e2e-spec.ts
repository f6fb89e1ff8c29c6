import { status, type ServiceError } from '@grpc/grpc-js';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { firstValueFrom, type Observable } from 'rxjs';
import { renderer } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { Stack } from './support/stack';
import { customerWithContact, isoDate, tenantWithOverdueRule } from './support/scenario';

jest.setTimeout(180_000);

const TODAY = '2026-11-22';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell';

async function refusal(call: Observable<unknown>): Promise<{ code: number; fields: string[] }> {
  try {
    await firstValueFrom(call);
  } catch (error) {
    return { code: (error as ServiceError).code, fields: readBadRequest(error as ServiceError).map((v) => v.field) };
  }
  throw new Error('the call succeeded');
}

const preview = (overrides: Partial<renderer.PreviewReminderRequest>): renderer.PreviewReminderRequest => ({
  customerId: '',
  asOf: TODAY,
  ruleId: '',
  templateId: '',
  kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED,
  invoiceIds: [],
  ...overrides,
});

describe('previewing a reminder', () => {
  const stack = new Stack();
  let browser: Browser;
  beforeAll(async () => {
    await stack.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  async function scenario() {
    const { apiKey, auth, rule } = await tenantWithOverdueRule(stack, 'Ferretería El Yunque');
    const customer = await customerWithContact(stack, apiKey, 'C-9', 'pagos@yunque-cliente.mx');
    await firstValueFrom(
      stack.receivables.createInvoice(
        {
          customerId: customer.id,
          series: 'Y',
          folio: '310',
          issueDate: isoDate(TODAY, -45),
          dueDate: isoDate(TODAY, -15),
          currency: 'MXN',
          totalMinor: '987650',
        },
        auth,
      ),
    );
    return { apiKey, auth, rule, customer };
  }

  it('returns what would be sent for a kind, a template or a rule, and records and sends nothing', async () => {
    const { auth, rule, customer } = await scenario();
    const { template } = await firstValueFrom(
      stack.renderer.upsertTemplate(
        {
          templateId: '',
          kind: renderer.TemplateKind.TEMPLATE_KIND_OVERDUE,
          locale: 'es-MX',
          name: 'Directa',
          active: false,
          content: {
            subject: 'Pendiente: {{firstInvoiceNumber}}',
            fromName: '',
            html: '<p>{{customerName}}</p>',
            text: '{{customerName}}',
          },
        },
        auth,
      ),
    );

    const byKind = await firstValueFrom(
      stack.renderer.previewReminder(
        preview({ customerId: customer.id, kind: renderer.TemplateKind.TEMPLATE_KIND_OVERDUE }),
        auth,
      ),
    );
    expect(byKind.subject).toBe('Ferretería El Yunque: la factura Y-310 está vencida');
    expect(byKind.to).toEqual(['pagos@yunque-cliente.mx']);
    expect(byKind.templateId).toBe('');
    expect(byKind.text).toContain('$9,876.50');
    const pdf = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(byKind.statementPdf) }).toString();
    expect(pdf).toContain('Y-310');

    const byTemplate = await firstValueFrom(
      stack.renderer.previewReminder(preview({ customerId: customer.id, templateId: template!.id }), auth),
    );
    expect([byTemplate.subject, byTemplate.templateId, byTemplate.templateVersion]).toEqual([
      'Pendiente: Y-310',
      template!.id,
      1,
    ]);
    const byRule = await firstValueFrom(
      stack.renderer.previewReminder(preview({ customerId: customer.id, ruleId: rule.id }), auth),
    );
    expect(byRule.subject).toBe(byKind.subject);

    const pg = new Client({ connectionString: stack.databaseUrl });
    await pg.connect();
    try {
      const { rows } = await pg.query('select count(*)::int as n from renderer.renditions');
      expect(rows[0].n).toBe(0);
    } finally {
      await pg.end();
    }
    expect(stack.smtp.messages).toHaveLength(0);
  });

  it('names what is wrong, and shows nothing of another tenant', async () => {
    const { auth, rule, customer } = await scenario();
    const other = await tenantWithOverdueRule(stack, 'Otra S.A.');

    expect(await refusal(stack.renderer.previewReminder(preview({ customerId: customer.id }), auth))).toEqual({
      code: status.INVALID_ARGUMENT,
      fields: ['rule_id'],
    });
    const badDate = await refusal(
      stack.renderer.previewReminder(
        preview({ customerId: customer.id, asOf: '22/11/2026', kind: renderer.TemplateKind.TEMPLATE_KIND_OVERDUE }),
        auth,
      ),
    );
    expect(badDate).toEqual({ code: status.INVALID_ARGUMENT, fields: ['as_of'] });
    const theirs = preview({ customerId: customer.id, kind: renderer.TemplateKind.TEMPLATE_KIND_OVERDUE });
    expect((await refusal(stack.renderer.previewReminder(theirs, other.auth))).code).toBe(status.NOT_FOUND);
    const theirRule = preview({ customerId: customer.id, ruleId: rule.id });
    expect((await refusal(stack.renderer.previewReminder(theirRule, other.auth))).code).toBe(status.NOT_FOUND);
  });

  it('shows a person the email beside its PDF, in Chromium, fetching nothing from outside', async () => {
    const { apiKey, customer } = await scenario();
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    try {
      const url = `http://127.0.0.1:${stack.previewPort}/preview`;
      await page.goto(url);
      await page.fill('input[name=api_key]', 'not-a-key');
      await page.fill('input[name=customer_id]', customer.id);
      await page.fill('input[name=as_of]', TODAY);
      await page.selectOption('select[name=kind]', 'overdue');
      await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
      expect(await page.textContent('[role=alert]')).toContain('API key');

      await page.fill('input[name=api_key]', apiKey);
      await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);

      expect(await page.textContent('#subject')).toBe('Ferretería El Yunque: la factura Y-310 está vencida');
      expect(await page.textContent('#to')).toBe('pagos@yunque-cliente.mx');
      const email = page.frameLocator('#email');
      await expect(email.locator('body').innerText()).resolves.toContain('Cliente C-9 S.A. de C.V.');
      await expect(email.locator('body').innerText()).resolves.toContain('$9,876.50');
      expect(await page.textContent('#text')).toContain('Y-310');
      const data = (await page.getAttribute('#pdf', 'data')) ?? '';
      expect(data).toMatch(/^data:application\/pdf;base64,/);
      const pdf = Buffer.from(data.split(',')[1]!, 'base64');
      expect(execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString()).toContain('Y-310');
      // The page, its form posts, and what it carries: nothing else was asked for.
      expect(requested.filter((u) => !u.startsWith(url) && !u.startsWith('data:') && u !== 'about:srcdoc')).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
