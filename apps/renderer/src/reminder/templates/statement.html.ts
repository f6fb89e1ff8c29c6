/** A locale's words for the statement of account. */
export interface StatementLabels {
  lang: string;
  title: string;
  asOf: string;
  customer: string;
  taxId: string;
  document: string;
  issueDate: string;
  dueDate: string;
  daysOverdue: string;
  currency: string;
  total: string;
  balance: string;
  totals: string;
  overdue: string;
  noOpenDocuments: string;
}

/** The statement of account printed to PDF (A4; about 35 lines fit on the first page). */
export const statementHtml = (l: StatementLabels): string => `<!DOCTYPE html>
<html lang="${l.lang}">
<head>
<meta charset="utf-8">
<title>${l.title} · {{customerName}}</title>
<style>
  body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #1f2933; }
  header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2px solid #1f4e79; padding-bottom: 8px; }
  .company { font-size: 16pt; font-weight: bold; color: #1f4e79; }
  .title { font-size: 13pt; font-weight: bold; text-align: right; }
  .as-of { text-align: right; color: #52606d; }
  .customer { margin: 12px 0 14px; }
  .label { color: #52606d; font-size: 8pt; text-transform: uppercase; letter-spacing: .04em; }
  .name { font-size: 11pt; font-weight: bold; }
  table { width: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th { text-align: left; font-size: 8pt; color: #52606d; border-bottom: 1.5px solid #9aa5b1; padding: 4px 5px; }
  td { border-bottom: 1px solid #e4e7eb; padding: 3px 5px; }
  .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .overdue { color: #9b1c1c; font-weight: bold; }
  .totals { width: auto; margin: 14px 0 0 auto; }
  .totals td { font-weight: bold; }
</style>
</head>
<body>
<header>
  <div class="company">{{company}}</div>
  <div><div class="title">${l.title}</div><div class="as-of">${l.asOf} {{asOf}}</div></div>
</header>
<section class="customer">
  <div class="label">${l.customer}</div>
  <div class="name">{{customerName}}</div>
  {{#customerTaxId}}<div>${l.taxId}: {{customerTaxId}}</div>{{/customerTaxId}}
</section>
<table>
<thead><tr><th>${l.document}</th><th>${l.issueDate}</th><th>${l.dueDate}</th><th class="num">${l.daysOverdue}</th><th>${l.currency}</th><th class="num">${l.total}</th><th class="num">${l.balance}</th></tr></thead>
<tbody>
{{#statementLines}}
<tr><td>{{number}}</td><td>{{issueDate}}</td><td>{{dueDate}}</td><td class="num{{#isOverdue}} overdue{{/isOverdue}}">{{daysOverdue}}</td><td>{{currency}}</td><td class="num">{{total}}</td><td class="num">{{balance}}</td></tr>
{{/statementLines}}
{{^statementLines}}
<tr><td colspan="7">${l.noOpenDocuments}</td></tr>
{{/statementLines}}
</tbody>
</table>
<table class="totals">
<thead><tr><th>${l.totals}</th><th class="num">${l.balance}</th><th class="num">${l.overdue}</th></tr></thead>
<tbody>
{{#statementTotals}}
<tr><td>{{currency}}</td><td class="num">{{balance}}</td><td class="num overdue">{{overdue}}</td></tr>
{{/statementTotals}}
</tbody>
</table>
</body>
</html>
`;
