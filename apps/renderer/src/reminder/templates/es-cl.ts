import type { EmailTemplates, LocaleTemplates } from './locale-templates';
import {
  documentLinksHtml,
  documentLinksText,
  emailBodyHtml,
  paymentInstructionsHtml,
  paymentInstructionsText,
} from './email-body.html';
import { statementHtml } from './statement.html';

const greeting = 'Estimado(a) {{customerName}}:';
// Firmer once anything is more than 30 days past due.
const overdueIntro =
  '{{#longOverdue}}Su cuenta registra saldos con más de 30 días de mora. Le solicitamos regularizar a la brevedad o responder este correo para acordar una fecha de pago. {{/longOverdue}}' +
  '{{#single}}Le informamos que la siguiente factura se encuentra vencida:{{/single}}' +
  '{{^single}}Le informamos que las siguientes facturas se encuentran vencidas:{{/single}}';
const attached = 'Adjuntamos su estado de cuenta al {{asOf}} en formato PDF.';
const download = 'Descargue su estado de cuenta actualizado';
const alreadyPaid = 'Si ya efectuó el pago, le agradecemos y le solicitamos omitir este mensaje.';

const howToPay = 'Datos para su pago:';
const paymentText = paymentInstructionsText(howToPay);

/** One reminder email in this locale: the kind's subject and opening line around the same body. */
const email = (subject: string, intro: string): EmailTemplates => ({
  subject,
  html: emailBodyHtml({
    greeting,
    intro,
    invoice: 'Factura N°',
    dueDate: 'Vencimiento',
    daysOverdue: 'Días de mora',
    balance: 'Saldo',
    howToPay,
    totalOverdue: 'Total vencido',
    attached,
    download,
    alreadyPaid,
    closing: 'Saludos cordiales,',
  }),
  text: `{{company}}

${greeting}

${intro}

{{#invoices}}
- Factura N° {{number}}, vencimiento {{dueDate}}{{#isOverdue}} ({{daysOverdue}} {{#oneDay}}día{{/oneDay}}{{^oneDay}}días{{/oneDay}} de mora){{/isOverdue}}: saldo {{balance}}
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

Saludos cordiales,
{{company}}
`,
});

export const esCL: LocaleTemplates = {
  lang: 'es-CL',
  payment: { html: paymentInstructionsHtml(howToPay), text: paymentText },
  documents: {
    html: documentLinksHtml('Los siguientes documentos no caben en este correo; descárguelos aquí:'),
    text: documentLinksText('Los siguientes documentos no caben en este correo; descárguelos aquí:'),
  },
  emails: {
    overdue: email(
      '{{#single}}{{company}}: factura N° {{firstInvoiceNumber}} vencida{{/single}}' +
        '{{^single}}{{company}}: {{invoiceCount}} facturas vencidas{{/single}}',
      overdueIntro,
    ),
    due_soon: email(
      '{{#single}}{{company}}: factura N° {{firstInvoiceNumber}} próxima a vencer{{/single}}' +
        '{{^single}}{{company}}: {{invoiceCount}} facturas próximas a vencer{{/single}}',
      '{{#single}}Le informamos que la siguiente factura vence próximamente:{{/single}}' +
        '{{^single}}Le informamos que las siguientes facturas vencen próximamente:{{/single}}',
    ),
    invoice_issued: email(
      '{{#single}}{{company}}: factura N° {{firstInvoiceNumber}}{{/single}}' +
        '{{^single}}{{company}}: {{invoiceCount}} facturas{{/single}}',
      '{{#single}}Le hacemos llegar la siguiente factura:{{/single}}' +
        '{{^single}}Le hacemos llegar las siguientes facturas:{{/single}}',
    ),
    statement: email(
      '{{company}}: estado de cuenta al {{asOf}}',
      'Le compartimos sus documentos pendientes al {{asOf}}:',
    ),
    account_closing: email(
      '{{company}}: su línea de crédito está próxima a suspenderse',
      'Su cuenta registra saldos vencidos cercanos a su límite de morosidad. Para evitar la suspensión de su línea de crédito, le solicitamos regularizar:',
    ),
    account_closed: email(
      '{{company}}: línea de crédito suspendida',
      'Su cuenta alcanzó su límite de morosidad y su línea de crédito queda suspendida hasta regularizar:',
    ),
  },
  statement: {
    html: statementHtml({
      lang: 'es-CL',
      title: 'Estado de cuenta',
      asOf: 'Al',
      customer: 'Cliente',
      taxId: 'RUT',
      document: 'Factura N°',
      issueDate: 'Emisión',
      dueDate: 'Vencimiento',
      daysOverdue: 'Días de mora',
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
