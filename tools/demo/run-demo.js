// The demo's collection cycle: two companies (Mexico, Chile), their customers
// and overdue invoices, an overdue rule, one RunCycle — then waits until the
// reminders are in the local inbox.
const { Metadata } = require('@grpc/grpc-js');
const { apiKeyMetadata, grpcClient } = require('@chasqui/grpc');
const { firstValueFrom } = require('rxjs');

const receivables = grpcClient('receivables', process.env.RECEIVABLES_URL || '127.0.0.1:50051').service;
const scheduler = grpcClient('scheduler', process.env.SCHEDULER_URL || '127.0.0.1:50052').service;
const call = (observable) => firstValueFrom(observable);
const run = Date.now().toString(36);

function daysAgo(n) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

const companies = [
  {
    tenant: {
      name: 'Ferretería La Paloma S.A. de C.V.',
      country: 'MX',
      timeZone: 'America/Mexico_City',
      defaultCurrency: 'MXN',
      locale: 'es-MX',
    },
    customers: [
      {
        legalName: 'Constructora Del Valle S.A. de C.V.',
        taxId: 'CDV010203AB1',
        email: 'cxp@constructoradelvalle.mx',
        invoices: [
          [15, '4850000'],
          [10, '1234550'],
          [2, '99900'],
        ],
      },
      {
        legalName: 'Plomería Hernández',
        taxId: 'HEPJ800101AB2',
        email: 'pagos@plomeriahernandez.mx',
        invoices: [[10, '3200075']],
      },
    ],
  },
  {
    tenant: {
      name: 'Distribuidora Austral SpA',
      country: 'CL',
      timeZone: 'America/Santiago',
      defaultCurrency: 'CLP',
      locale: 'es-CL',
    },
    customers: [
      {
        legalName: 'Comercial Los Andes Ltda.',
        taxId: '76.354.771-K',
        email: 'finanzas@losandes.cl',
        invoices: [
          [20, '1250000'],
          [10, '387990'],
        ],
      },
    ],
  },
];

async function main() {
  const admin = new Metadata();
  admin.set('x-admin-token', process.env.ADMIN_TOKEN || 'dev-admin-token');
  let queued = 0;
  for (const company of companies) {
    const { apiKey } = await call(receivables.createTenant(company.tenant, admin));
    const auth = apiKeyMetadata(apiKey);
    await call(
      scheduler.createRule(
        { name: 'Vencidas: desde 5 días, cada 5', sendHour: 9, overdue: { fromDays: 5, everyDays: 5 } },
        auth,
      ),
    );
    for (const [i, c] of company.customers.entries()) {
      const { customer } = await call(
        receivables.createCustomer(
          {
            externalId: `${run}-${i}`,
            legalName: c.legalName,
            taxId: c.taxId,
            timeZone: '',
            locale: '',
            contacts: [{ name: 'Cuentas por pagar', email: c.email, role: 'billing', receivesReminders: true }],
          },
          auth,
        ),
      );
      for (const [j, [overdueDays, totalMinor]] of c.invoices.entries()) {
        await call(
          receivables.createInvoice(
            {
              customerId: customer.id,
              series: 'A',
              folio: `${run}${i}${j}`,
              issueDate: daysAgo(overdueDays + 30),
              dueDate: daysAgo(overdueDays),
              currency: company.tenant.defaultCurrency,
              totalMinor,
            },
            auth,
          ),
        );
      }
    }
    // Late in the day everywhere, so today's 09:00 step has passed.
    const asOf = new Date();
    asOf.setUTCHours(23, 0, 0, 0);
    const result = await call(
      scheduler.runCycle({ asOf: { seconds: String(Math.floor(asOf.getTime() / 1000)), nanos: 0 } }, auth),
    );
    console.log(`${company.tenant.name}: ${result.queued} reminders queued`);
    queued += result.queued;
  }
  const inbox = `http://127.0.0.1:${process.env.INBOX_HTTP_PORT || 8025}`;
  const before = Date.now();
  for (;;) {
    const messages = await fetch(`${inbox}/api/messages`).then((r) => r.json());
    const fresh = messages.filter((m) => Date.parse(m.date) >= before - 120_000);
    if (fresh.length >= queued) break;
    if (Date.now() - before > 120_000) throw new Error(`only ${fresh.length} of ${queued} emails arrived`);
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`${queued} emails delivered to ${inbox}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
