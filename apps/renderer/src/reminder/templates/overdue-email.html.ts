import { css } from './email-styles';

/** A locale's words for the overdue email; they may hold {{ }} tags of the reminder view. */
export interface OverdueEmailPhrases {
  lang: string;
  greeting: string;
  intro: string;
  invoice: string;
  dueDate: string;
  daysOverdue: string;
  balance: string;
  totalOverdue: string;
  attached: string;
  /** The words of the link to the statement as it is when opened. */
  download: string;
  alreadyPaid: string;
  closing: string;
}

/** The responsive HTML body of an overdue reminder, in the words given. */
export const overdueEmailHtml = (p: OverdueEmailPhrases): string => `<!DOCTYPE html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{company}}</title>
</head>
<body style="${css.body}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${css.page}">
<tr><td align="center" style="${css.pageCell}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${css.card}">
<tr><td style="${css.header}">{{company}}</td></tr>
<tr><td style="${css.content}">
<p style="${css.p}">${p.greeting}</p>
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
{{#statementAttached}}
<p style="${css.p}">${p.attached}</p>
{{/statementAttached}}
{{#statementUrl}}
<p style="${css.p}"><a href="{{statementUrl}}" style="${css.link}">${p.download}</a></p>
{{/statementUrl}}
<p style="${css.p}">${p.alreadyPaid}</p>
<p style="margin:0;">${p.closing}<br>{{company}}</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
