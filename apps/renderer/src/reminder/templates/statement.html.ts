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
  /** "Página 2 de 5": the words around the two numbers. */
  page: string;
  of: string;
  aging: string;
  current: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  over90: string;
}

/**
 * The statement of account printed to PDF. The page box is the document's own
 * (@page: its paper size, margins, and on every page the company, the customer and
 * "page n of m"); the documents table repeats its column heads on every page and
 * never splits a row. Values in the page box are CSS strings ({{…Css}}), escaped as such.
 */
export const statementHtml = (l: StatementLabels): string => `<!DOCTYPE html>
<html lang="${l.lang}">
<head>
<meta charset="utf-8">
<title>${l.title} · {{customerName}}</title>
<style>
  @page {
    size: {{paperSize}};
    margin: 16mm 10mm 14mm 10mm;
    @top-left { content: "{{companyCss}}"; font: 8pt Arial, Helvetica, sans-serif; color: #52606d; }
    @top-right { content: "${l.title} · {{customerNameCss}}"; font: 8pt Arial, Helvetica, sans-serif; color: #52606d; }
    @bottom-right { content: "${l.page} " counter(page) " ${l.of} " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #52606d; }
  }
  body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #1f2933; overflow-wrap: anywhere; }
  header { display: flex; justify-content: space-between; align-items: flex-end; gap: 12px; border-bottom: 2px solid {{primaryColour}}; padding-bottom: 8px; }
  .brand { display: flex; flex-direction: column; gap: 4px; }
  .brand.align-center { align-items: center; }
  .brand.align-right { align-items: flex-end; }
  .logo { max-height: 48px; max-width: 220px; }
  .company { font-size: 16pt; font-weight: bold; color: {{primaryColour}}; }
  .company-info { font-size: 8pt; color: #52606d; }
  .title { font-size: 13pt; font-weight: bold; text-align: right; white-space: nowrap; }
  .as-of { text-align: right; color: #52606d; white-space: nowrap; }
  .customer { margin: 12px 0 14px; }
  .label { color: #52606d; font-size: 8pt; text-transform: uppercase; letter-spacing: .04em; }
  .name { font-size: 11pt; font-weight: bold; }
  table { width: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th { text-align: left; font-size: 8pt; color: #52606d; border-bottom: 1.5px solid #9aa5b1; padding: 4px 5px; }
  td { border-bottom: 1px solid #e4e7eb; padding: 3px 5px; }
  .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .overdue { color: #9b1c1c; font-weight: bold; }
  .summary { display: flex; gap: 16px; justify-content: flex-end; margin: 14px 0 0; break-inside: avoid; }
  .summary table { width: auto; }
  .summary td { font-weight: bold; }
  .summary caption { text-align: left; font-size: 8pt; font-weight: bold; color: #52606d; padding-bottom: 4px; }
  .pay { margin-top: 14px; border-left: 3px solid {{accentColour}}; padding: 6px 10px; break-inside: avoid; }
  .pay p { margin: 2px 0; }
</style>
</head>
<body>
<header>
  <div class="brand align-{{logoAlign}}">
    {{#logoDataUri}}<img class="logo" src="{{logoDataUri}}" alt="">{{/logoDataUri}}
    <div class="company">{{company}}</div>
    {{#companyInfo}}<div class="company-info">{{companyInfo}}</div>{{/companyInfo}}
  </div>
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
<div class="summary">
<table>
<caption>${l.aging}</caption>
<thead><tr><th>${l.currency}</th><th class="num">${l.current}</th><th class="num">${l.days1to30}</th><th class="num">${l.days31to60}</th><th class="num">${l.days61to90}</th><th class="num">${l.over90}</th></tr></thead>
<tbody>
{{#statementAging}}
<tr><td>{{currency}}</td><td class="num">{{current}}</td><td class="num">{{days1to30}}</td><td class="num">{{days31to60}}</td><td class="num">{{days61to90}}</td><td class="num">{{over90}}</td></tr>
{{/statementAging}}
</tbody>
</table>
<table>
<caption>${l.totals}</caption>
<thead><tr><th>${l.currency}</th><th class="num">${l.balance}</th><th class="num">${l.overdue}</th></tr></thead>
<tbody>
{{#statementTotals}}
<tr><td>{{currency}}</td><td class="num">{{balance}}</td><td class="num overdue">{{overdue}}</td></tr>
{{/statementTotals}}
</tbody>
</table>
</div>
{{#hasPaymentInstructions}}
<section class="pay">
{{#paymentAccounts}}
<p>{{label}}</p>
{{/paymentAccounts}}
{{#paymentNote}}<p>{{paymentNote}}</p>{{/paymentNote}}
</section>
{{/hasPaymentInstructions}}
</body>
</html>
`;
