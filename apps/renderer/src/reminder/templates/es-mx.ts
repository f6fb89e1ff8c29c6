import type { LocaleTemplates } from './locale-templates';
import { overdueEmailHtml } from './overdue-email.html';
import { statementHtml } from './statement.html';

const greeting = 'Estimado cliente {{customerName}}:';
const intro =
  '{{#single}}Le recordamos que la siguiente factura se encuentra vencida:{{/single}}' +
  '{{^single}}Le recordamos que las siguientes facturas se encuentran vencidas:{{/single}}';
const attached = 'Adjuntamos su estado de cuenta al {{asOf}} en PDF.';
const alreadyPaid = 'Si ya realizó el pago, le agradecemos y le pedimos ignorar este mensaje.';

export const esMX: LocaleTemplates = {
  overdue: {
    subject:
      '{{#single}}{{company}}: la factura {{firstInvoiceNumber}} está vencida{{/single}}' +
      '{{^single}}{{company}}: {{invoiceCount}} facturas vencidas{{/single}}',
    html: overdueEmailHtml({
      lang: 'es-MX',
      greeting,
      intro,
      invoice: 'Factura',
      dueDate: 'Vencimiento',
      daysOverdue: 'Días de atraso',
      balance: 'Saldo',
      totalOverdue: 'Total vencido',
      attached,
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
{{#statementAttached}}

${attached}
{{/statementAttached}}

${alreadyPaid}

Atentamente,
{{company}}
`,
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
    }),
    filename: 'estado-de-cuenta',
  },
};
