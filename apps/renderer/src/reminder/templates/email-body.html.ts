import { css } from './email-styles';

/** A locale's words for a reminder's body; they may hold {{ }} tags of the reminder view. */
export interface EmailPhrases {
  greeting: string;
  intro: string;
  invoice: string;
  dueDate: string;
  daysOverdue: string;
  balance: string;
  totalOverdue: string;
  /** Heading of the payment instructions. */
  howToPay: string;
  attached: string;
  /** The words of the link to the statement as it is when opened. */
  download: string;
  alreadyPaid: string;
  closing: string;
}

/**
 * The payment instructions, beside the amount owed. Shared by the default bodies and
 * by the layout, which adds it after a tenant's body that does not place it.
 */
export const paymentInstructionsHtml = (howToPay: string): string => `{{#hasPaymentInstructions}}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${css.pay}border-left-color:{{accentColour}};">
<tr><td style="${css.payTitle}">${howToPay}</td></tr>
{{#paymentAccounts}}
<tr><td style="${css.payLine}"><strong>{{bank}}</strong> · {{typeName}} <span style="white-space:nowrap;">{{number}}</span><br>{{holder}}{{#holderTaxId}} ({{holderTaxId}}){{/holderTaxId}} · {{currency}}</td></tr>
{{/paymentAccounts}}
{{#paymentNote}}
<tr><td style="${css.payLine}">{{paymentNote}}</td></tr>
{{/paymentNote}}
</table>
{{/hasPaymentInstructions}}`;

/** The payment instructions in a text body: the accounts one a line. */
export const paymentInstructionsText = (howToPay: string): string => `{{#hasPaymentInstructions}}

${howToPay}
{{#paymentAccounts}}
- {{label}}
{{/paymentAccounts}}
{{#paymentNote}}
{{paymentNote}}
{{/paymentNote}}
{{/hasPaymentInstructions}}
`;

/** The invoice documents left out of an email for its size, as links (the renderer adds them after the body). */
export const documentLinksHtml = (heading: string): string => `{{#hasDocumentLinks}}
<p style="${css.p}">${heading}</p>
<ul style="${css.p}">
{{#documentLinks}}
<li><a href="{{url}}" style="${css.link}">{{filename}}</a></li>
{{/documentLinks}}
</ul>
{{/hasDocumentLinks}}`;

export const documentLinksText = (heading: string): string => `{{#hasDocumentLinks}}

${heading}
{{#documentLinks}}
- {{filename}}: {{url}}
{{/documentLinks}}
{{/hasDocumentLinks}}
`;

/** The body of a reminder email (inside the tenant's branded layout), in the words given. */
export const emailBodyHtml = (p: EmailPhrases): string => `<p style="${css.p}">${p.greeting}</p>
<p style="${css.p}">${p.intro}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${css.table}">
<tr><th align="left" style="${css.th}">${p.invoice}</th><th align="left" style="${css.th}">${p.dueDate}</th><th align="right" style="${css.thNum}">${p.daysOverdue}</th><th align="right" style="${css.thNum}">${p.balance}</th></tr>
{{#invoices}}
<tr><td style="${css.td}">{{number}}</td><td style="${css.td}">{{dueDate}}</td><td align="right" style="${css.tdNum}">{{daysOverdue}}</td><td align="right" style="${css.tdNum}">{{balance}}</td></tr>
{{/invoices}}
</table>
{{#hasOverdueTotals}}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${css.totals}">
<tr><td style="${css.totalsLabel}">${p.totalOverdue}</td></tr>
{{#overdueTotals}}
<tr><td style="${css.totalsAmount}">{{amount}}</td></tr>
{{/overdueTotals}}
</table>
{{/hasOverdueTotals}}
${paymentInstructionsHtml(p.howToPay)}
{{#statementAttached}}
<p style="${css.p}">${p.attached}</p>
{{/statementAttached}}
{{#statementUrl}}
<p style="${css.p}"><a href="{{statementUrl}}" style="${css.link}">${p.download}</a></p>
{{/statementUrl}}
<p style="${css.p}">${p.alreadyPaid}</p>
<p style="margin:0;">${p.closing}<br>{{company}}</p>
`;
