import type { LocaleTemplates } from './locale-templates';
import { overdueEmailHtml } from './overdue-email.html';
import { statementHtml } from './statement.html';

const greeting = 'Dear {{customerName}},';
const intro =
  '{{#single}}This is a reminder that the following invoice is overdue:{{/single}}' +
  '{{^single}}This is a reminder that the following invoices are overdue:{{/single}}';
const attached = 'Your statement of account as of {{asOf}} is attached as a PDF.';
const alreadyPaid = 'If you have already paid, thank you, and please disregard this message.';

export const en: LocaleTemplates = {
  overdue: {
    subject:
      '{{#single}}{{company}}: invoice {{firstInvoiceNumber}} is overdue{{/single}}' +
      '{{^single}}{{company}}: {{invoiceCount}} overdue invoices{{/single}}',
    html: overdueEmailHtml({
      lang: 'en',
      greeting,
      intro,
      invoice: 'Invoice',
      dueDate: 'Due date',
      daysOverdue: 'Days overdue',
      balance: 'Balance',
      totalOverdue: 'Total overdue',
      attached,
      alreadyPaid,
      closing: 'Kind regards,',
    }),
    text: `{{company}}

${greeting}

${intro}

{{#invoices}}
- Invoice {{number}}, due {{dueDate}}{{#isOverdue}} ({{daysOverdue}} {{#oneDay}}day{{/oneDay}}{{^oneDay}}days{{/oneDay}} overdue){{/isOverdue}}: balance {{balance}}
{{/invoices}}
{{#hasOverdueTotals}}

Total overdue:
{{#overdueTotals}}
- {{amount}}
{{/overdueTotals}}
{{/hasOverdueTotals}}
{{#statementAttached}}

${attached}
{{/statementAttached}}

${alreadyPaid}

Kind regards,
{{company}}
`,
  },
  statement: {
    html: statementHtml({
      lang: 'en',
      title: 'Statement of account',
      asOf: 'As of',
      customer: 'Customer',
      taxId: 'Tax ID',
      document: 'Invoice',
      issueDate: 'Issued',
      dueDate: 'Due',
      daysOverdue: 'Days overdue',
      currency: 'Currency',
      total: 'Total',
      balance: 'Balance',
      totals: 'Totals by currency',
      overdue: 'Overdue',
      noOpenDocuments: 'No open documents.',
    }),
    filename: 'statement',
  },
};
