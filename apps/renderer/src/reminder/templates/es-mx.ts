import type { EmailTemplates, LocaleTemplates } from './locale-templates';
import {
  documentLinksHtml,
  documentLinksText,
  emailBodyHtml,
  paymentInstructionsHtml,
  paymentInstructionsText,
} from './email-body.html';
import { statementHtml } from './statement.html';

const greeting = 'Estimado cliente {{customerName}}:';
// Firmer once anything is more than 30 days past due.
const overdueIntro =
  '{{#longOverdue}}Su cuenta tiene saldos con más de 30 días de vencimiento. Le solicitamos realizar el pago a la brevedad o responder a este correo para acordar una fecha. {{/longOverdue}}' +
  '{{#single}}Le recordamos que la siguiente factura se encuentra vencida:{{/single}}' +
  '{{^single}}Le recordamos que las siguientes facturas se encuentran vencidas:{{/single}}';
const attached = 'Adjuntamos su estado de cuenta al {{asOf}} en PDF.';
const download = 'Descargue su estado de cuenta actualizado';
const alreadyPaid = 'Si ya realizó el pago, le agradecemos y le pedimos ignorar este mensaje.';

const howToPay = 'Datos para su pago:';
const paymentText = paymentInstructionsText(howToPay);

/** One reminder email in this locale: the kind's subject and opening line around the same body. */
const email = (subject: string, intro: string): EmailTemplates => ({
  subject,
  html: emailBodyHtml({
    greeting,
    intro,
    invoice: 'Factura',
    dueDate: 'Vencimiento',
    daysOverdue: 'Días de atraso',
    balance: 'Saldo',
    howToPay,
    totalOverdue: 'Total vencido',
    attached,
    download,
    alreadyPaid,
    closing: 'Atentamente,',
  }),
  text: `{{company}}

${greeting}

${intro}

{{#invoices}}
- Factura {{number}}, vencimiento {{dueDate}}{{#isOverdue}} ({{daysOverdue}} {{#oneDay}}día{{/oneDay}}{{^oneDay}}días{{/oneDay}} de atraso){{/isOverdue}}: saldo {{balance}}
{{/invoices}}
{{#hasOverdueTotals}}

Total vencido:
{{#overdueTotals}}
- {{amount}}
{{/overdueTotals}}
{{/hasOverdueTotals}}
${paymentText}{{#statementAttached}}

${attached}
{{/statementAttached}}
{{#statementUrl}}

${download}: {{statementUrl}}
{{/statementUrl}}

${alreadyPaid}

Atentamente,
{{company}}
`,
});

export const esMX: LocaleTemplates = {
  lang: 'es-MX',
  payment: { html: paymentInstructionsHtml(howToPay), text: paymentText },
  documents: {
    html: documentLinksHtml('Los siguientes documentos no caben en este correo; descárguelos aquí:'),
    text: documentLinksText('Los siguientes documentos no caben en este correo; descárguelos aquí:'),
  },
  emails: {
    overdue: email(
      '{{#single}}{{company}}: la factura {{firstInvoiceNumber}} está vencida{{/single}}' +
        '{{^single}}{{company}}: {{invoiceCount}} facturas vencidas{{/single}}',
      overdueIntro,
    ),
    due_soon: email(
      '{{#single}}{{company}}: la factura {{firstInvoiceNumber}} vence pronto{{/single}}' +
        '{{^single}}{{company}}: {{invoiceCount}} facturas vencen pronto{{/single}}',
      '{{#single}}Le recordamos que la siguiente factura vence próximamente:{{/single}}' +
        '{{^single}}Le recordamos que las siguientes facturas vencen próximamente:{{/single}}',
    ),
    invoice_issued: email(
      '{{#single}}{{company}}: factura {{firstInvoiceNumber}}{{/single}}' +
        '{{^single}}{{company}}: {{invoiceCount}} facturas{{/single}}',
      '{{#single}}Le hacemos llegar la siguiente factura:{{/single}}' +
        '{{^single}}Le hacemos llegar las siguientes facturas:{{/single}}',
    ),
    statement: email(
      '{{company}}: estado de cuenta al {{asOf}}',
      'Le compartimos sus documentos pendientes al {{asOf}}:',
    ),
    account_closing: email(
      '{{company}}: su línea de crédito está por suspenderse',
      'Su cuenta tiene saldos vencidos cercanos a su límite de morosidad. Para evitar la suspensión de su línea de crédito, le pedimos regularizar:',
    ),
    account_closed: email(
      '{{company}}: línea de crédito suspendida',
      'Su cuenta alcanzó su límite de morosidad y su línea de crédito queda suspendida hasta regularizar:',
    ),
  },
  statement: {
    html: statementHtml({
      lang: 'es-MX',
      title: 'Estado de cuenta',
      asOf: 'Al',
      customer: 'Cliente',
      taxId: 'RFC',
      document: 'Factura',
      issueDate: 'Emisión',
      dueDate: 'Vencimiento',
      daysOverdue: 'Días de atraso',
      currency: 'Moneda',
      total: 'Total',
      balance: 'Saldo',
      totals: 'Totales por moneda',
      overdue: 'Vencido',
      noOpenDocuments: 'No hay documentos pendientes.',
      page: 'Página',
      of: 'de',
      aging: 'Antigüedad de saldos',
      current: 'Por vencer',
      days1to30: '1–30 días',
      days31to60: '31–60 días',
      days61to90: '61–90 días',
      over90: 'Más de 90',
    }),
    filename: 'estado-de-cuenta',
  },
};
