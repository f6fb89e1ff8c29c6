import { status, type ServiceError } from '@grpc/grpc-js';
import { renderer } from '@chasqui/contracts';
import { apiKeyMetadata, readBadRequest, serviceMetadata } from '@chasqui/grpc';
import { call, failure, freePort, ServiceStack, STACK_TOKENS, type TestTenant } from '@chasqui/testing';

jest.setTimeout(120_000);

/** What a refused call answered: its code and the fields its google.rpc.BadRequest names. */
const refusal = (error: ServiceError) => ({ code: error.code, fields: readBadRequest(error).map((v) => v.field) });

const template = (overrides: Partial<renderer.UpsertTemplateRequest> = {}): renderer.UpsertTemplateRequest => ({
  templateId: '',
  kind: renderer.TemplateKind.TEMPLATE_KIND_OVERDUE,
  locale: 'es-MX',
  name: 'Vencidas',
  active: true,
  content: { subject: 'Recordatorio de {{company}}', fromName: 'Cobranza', html: '<p>Hola</p>', text: 'Hola' },
  ...overrides,
});

const account = (overrides: Partial<renderer.PaymentAccount> = {}): renderer.PaymentAccount => ({
  bank: 'BBVA',
  accountType: renderer.AccountType.ACCOUNT_TYPE_CHECKING,
  number: '0123456789',
  holder: 'Norte S.A.',
  holderTaxId: '',
  currency: 'MXN',
  ...overrides,
});

/** RendererService's edge: who may call, what a bad request answers, and whose templates a caller sees (the scheduler runs for ListTemplates' rule counts). */
describe("the renderer's gRPC edge", () => {
  let stack: ServiceStack;
  let client: renderer.RendererServiceClient;
  let tenant: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    stack = await ServiceStack.start({
      services: ['receivables', 'scheduler', 'renderer'],
      serviceEnv: { renderer: { STATEMENT_PORT: String(await freePort()), PREVIEW_PORT: String(await freePort()) } },
    });
    client = stack.client<renderer.RendererServiceClient>('renderer');
    tenant = await stack.tenant({ name: 'Norte S.A.' });
    other = await stack.tenant({ name: 'Otra S.A.' });
  });
  afterAll(() => stack?.stop());

  it('answers a call without a valid API key UNAUTHENTICATED, before reading its request', async () => {
    const wrongKey = apiKeyMetadata('not-a-key-of-anyone');
    const badRequest = { templateId: 'not-an-id', kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: '' };
    expect((await failure(client.getTemplate(badRequest, wrongKey))).code).toBe(status.UNAUTHENTICATED);
    expect((await failure(client.upsertTemplate(template(), wrongKey))).code).toBe(status.UNAUTHENTICATED);
    expect((await failure(client.getBranding({}, wrongKey))).code).toBe(status.UNAUTHENTICATED);
    expect(
      (
        await failure(
          client.listTemplates(
            { kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: '' },
            apiKeyMetadata(''),
          ),
        )
      ).code,
    ).toBe(status.UNAUTHENTICATED);
  });

  it('answers a bad request INVALID_ARGUMENT naming each bad field', async () => {
    const unnamed = await failure(
      client.upsertTemplate(
        template({ kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: 'xx' }),
        tenant.auth,
      ),
    );
    expect(refusal(unnamed)).toEqual({ code: status.INVALID_ARGUMENT, fields: ['kind', 'locale'] });
    expect(readBadRequest(unnamed)[0].description).toBe('must name a reminder kind');
    expect(
      refusal(
        await failure(
          client.getTemplate(
            { templateId: 'not-an-id', kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: '' },
            tenant.auth,
          ),
        ),
      ),
    ).toEqual({ code: status.INVALID_ARGUMENT, fields: ['template_id'] });
    expect(
      refusal(
        await failure(
          client.getTemplate(
            { templateId: '', kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: 'es-MX' },
            tenant.auth,
          ),
        ),
      ),
    ).toEqual({ code: status.INVALID_ARGUMENT, fields: ['kind'] });
    expect(
      refusal(
        await failure(
          client.listTemplates({ kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: 'xx' }, tenant.auth),
        ),
      ),
    ).toEqual({ code: status.INVALID_ARGUMENT, fields: ['locale'] });

    const noBranding = await failure(client.updateBranding({ keepLogo: true }, tenant.auth));
    expect(refusal(noBranding)).toEqual({ code: status.INVALID_ARGUMENT, fields: ['branding'] });
    expect(readBadRequest(noBranding)[0].description).toBe('required');
    const noInstructions = await failure(client.updatePaymentInstructions({}, tenant.auth));
    expect(refusal(noInstructions)).toEqual({ code: status.INVALID_ARGUMENT, fields: ['instructions'] });
    const untyped = await failure(
      client.updatePaymentInstructions(
        {
          instructions: {
            accounts: [account({ accountType: renderer.AccountType.ACCOUNT_TYPE_UNSPECIFIED })],
            note: '',
          },
        },
        tenant.auth,
      ),
    );
    expect(refusal(untyped)).toEqual({
      code: status.INVALID_ARGUMENT,
      fields: ['instructions.accounts[0].account_type'],
    });
    const saved = await call(
      client.updatePaymentInstructions({ instructions: { accounts: [account()], note: '' } }, tenant.auth),
    );
    expect(saved.instructions?.accounts).toEqual([account()]);
  });

  it("shows a tenant its own templates and nothing of another tenant's", async () => {
    const { template: mine } = await call(client.upsertTemplate(template(), tenant.auth));
    expect(
      (
        await call(
          client.getTemplate(
            { templateId: mine!.id, kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: '' },
            tenant.auth,
          ),
        )
      ).template?.id,
    ).toBe(mine!.id);

    const theirs = await failure(
      client.getTemplate(
        { templateId: mine!.id, kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: '' },
        other.auth,
      ),
    );
    expect(refusal(theirs)).toEqual({ code: status.NOT_FOUND, fields: ['template_id'] });
    const listed = await call(
      client.listTemplates({ kind: renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED, locale: '' }, other.auth),
    );
    expect(listed.templates.map((t) => t.id)).not.toContain(mine!.id);
    const overwrite = await failure(
      client.upsertTemplate(template({ templateId: mine!.id, name: 'Ajena' }), other.auth),
    );
    expect(refusal(overwrite)).toEqual({ code: status.NOT_FOUND, fields: ['template_id'] });
  });

  it("answers CheckTemplate for Chasqui's services only, for the tenant they name", async () => {
    const { template: mine } = await call(client.upsertTemplate(template(), tenant.auth));
    const check = (templateId: string, kind: renderer.TemplateKind) => ({ templateId, kind });
    const overdue = renderer.TemplateKind.TEMPLATE_KIND_OVERDUE;

    expect((await failure(client.checkTemplate(check(mine!.id, overdue), tenant.auth))).code).toBe(
      status.PERMISSION_DENIED,
    );
    await call(client.checkTemplate(check(mine!.id, overdue), serviceMetadata(STACK_TOKENS.service, tenant.id)));
    expect(
      refusal(
        await failure(
          client.checkTemplate(
            check(mine!.id, renderer.TemplateKind.TEMPLATE_KIND_UNSPECIFIED),
            serviceMetadata(STACK_TOKENS.service, tenant.id),
          ),
        ),
      ),
    ).toEqual({ code: status.INVALID_ARGUMENT, fields: ['kind'] });
    expect(
      refusal(
        await failure(
          client.checkTemplate(
            check(mine!.id, renderer.TemplateKind.TEMPLATE_KIND_DUE_SOON),
            serviceMetadata(STACK_TOKENS.service, tenant.id),
          ),
        ),
      ),
    ).toEqual({ code: status.INVALID_ARGUMENT, fields: ['template'] });
    expect(
      refusal(
        await failure(client.checkTemplate(check(mine!.id, overdue), serviceMetadata(STACK_TOKENS.service, other.id))),
      ),
    ).toEqual({ code: status.NOT_FOUND, fields: ['template'] });
  });
});
