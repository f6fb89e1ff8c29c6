import type { LocaleTemplates } from './locale-templates';
import { overdueEmailHtml } from './overdue-email.html';
import { statementHtml } from './statement.html';

const greeting = 'Estimado(a) {{customerName}}:';
const intro =
  '{{#single}}Le informamos que la siguiente factura se encuentra vencida:{{/single}}' +
  '{{^single}}Le informamos que las siguientes facturas se encuentran vencidas:{{/single}}';
const attached = 'Adjuntamos su estado de cuenta al {{asOf}} en formato PDF.';
const alreadyPaid = 'Si ya efectuó el pago, le agradecemos y le solicitamos omitir este mensaje.';

export const esCL: LocaleTemplates = {
  overdue: {
    subject:
      '{{#single}}{{company}}: factura N° {{firstInvoiceNumber}} vencida{{/single}}' +
      '{{^single}}{{company}}: {{invoiceCount}} facturas vencidas{{/single}}',
    html: overdueEmailHtml({
      lang: 'es-CL',
      greeting,
      intro,
      invoice: 'Factura N°',
      dueDate: 'Vencimiento',
      daysOverdue: 'Días de mora',
      balance: 'Saldo',
      totalOverdue: 'Total vencido',
      attached,
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
{{#statementAttached}}

${attached}
{{/statementAttached}}

${alreadyPaid}

Saludos cordiales,
{{company}}
`,
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
    }),
    filename: 'estado-de-cuenta',
  },
};
