import type { EmailTemplates, LocaleTemplates } from './locale-templates';
import {
  documentLinksHtml,
  documentLinksText,
  emailBodyHtml,
  paymentInstructionsHtml,
  paymentInstructionsText,
} from './email-body.html';
import { statementHtml } from './statement.html';

const greeting = 'Dear {{customerName}},';
// Firmer once anything is more than 30 days past due.
const overdueIntro =
  '{{#longOverdue}}Your account has balances more than 30 days past due. Please arrange payment promptly, or reply to this email to agree on a date. {{/longOverdue}}' +
  '{{#single}}This is a reminder that the following invoice is overdue:{{/single}}' +
  '{{^single}}This is a reminder that the following invoices are overdue:{{/single}}';
const attached = 'Your statement of account as of {{asOf}} is attached as a PDF.';
const download = 'Download your up-to-date statement';
const alreadyPaid = 'If you have already paid, thank you, and please disregard this message.';

const howToPay = 'How to pay:';
const paymentText = paymentInstructionsText(howToPay);

/** One reminder email in this locale: the kind's subject and opening line around the same body. */
const email = (subject: string, intro: string): EmailTemplates => ({
  subject,
  html: emailBodyHtml({
    greeting,
    intro,
    invoice: 'Invoice',
    dueDate: 'Due date',
    daysOverdue: 'Days overdue',
    balance: 'Balance',
    howToPay,
    totalOverdue: 'Total overdue',
    attached,
    download,
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
${paymentText}{{#statementAttached}}

${attached}
{{/statementAttached}}
{{#statementUrl}}

${download}: {{statementUrl}}
{{/statementUrl}}

${alreadyPaid}

Kind regards,
{{company}}
`,
});

export const en: LocaleTemplates = {
  lang: 'en',
  payment: { html: paymentInstructionsHtml(howToPay), text: paymentText },
  documents: {
    html: documentLinksHtml('These documents are too large for this email; download them here:'),
    text: documentLinksText('These documents are too large for this email; download them here:'),
  },
  emails: {
    overdue: email(
      '{{#single}}{{company}}: invoice {{firstInvoiceNumber}} is overdue{{/single}}' +
        '{{^single}}{{company}}: {{invoiceCount}} overdue invoices{{/single}}',
      overdueIntro,
    ),
    due_soon: email(
      '{{#single}}{{company}}: invoice {{firstInvoiceNumber}} is due soon{{/single}}' +
        '{{^single}}{{company}}: {{invoiceCount}} invoices due soon{{/single}}',
      '{{#single}}This is a reminder that the following invoice is due soon:{{/single}}' +
        '{{^single}}This is a reminder that the following invoices are due soon:{{/single}}',
    ),
    invoice_issued: email(
      '{{#single}}{{company}}: invoice {{firstInvoiceNumber}}{{/single}}' +
        '{{^single}}{{company}}: {{invoiceCount}} invoices{{/single}}',
      '{{#single}}Please find the following invoice:{{/single}}' +
        '{{^single}}Please find the following invoices:{{/single}}',
    ),
    statement: email(
      '{{company}}: statement of account as of {{asOf}}',
      'Here are your open documents as of {{asOf}}:',
    ),
    account_closing: email(
      '{{company}}: your credit line is about to be suspended',
      'Your account has overdue balances close to its delinquency limit. To keep your credit line open, please settle:',
    ),
    account_closed: email(
      '{{company}}: credit line suspended',
      'Your account reached its delinquency limit and your credit line is suspended until you settle:',
    ),
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
      page: 'Page',
      of: 'of',
      aging: 'Aging',
      current: 'Not yet due',
      days1to30: '1–30 days',
      days31to60: '31–60 days',
      days61to90: '61–90 days',
      over90: 'Over 90 days',
    }),
    filename: 'statement',
  },
};
