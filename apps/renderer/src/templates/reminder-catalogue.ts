import type { Catalogue } from './template-catalogue';

const text = (description: string) => ({ kind: 'text', description }) as const;
const flag = (description: string) => ({ kind: 'flag', description }) as const;
const list = (description: string, item: Catalogue) => ({ kind: 'list', description, item }) as const;

const documentRow: Catalogue = {
  number: text('The document number (series and folio)'),
  issueDate: text('Issue date, in the reader’s format'),
  dueDate: text('Due date, in the reader’s format'),
  daysOverdue: text('Days past due, or — while not yet due'),
  isOverdue: flag('Past due'),
  oneDay: flag('Exactly one day past due (for “1 day” against “2 days”)'),
  currency: text('ISO 4217 code'),
  total: text('Total, with currency symbol and the currency’s decimals'),
  balance: text('What is still owed of it'),
};

/**
 * Every name a tenant's template may use: what a reminder's view holds, already
 * formatted (templates only place strings). The README lists it; a test holds it
 * to the view the renderer builds.
 */
export const REMINDER_CATALOGUE: Catalogue = {
  company: text('The company’s name'),
  companyTaxId: text('The company’s tax id (RFC, RUT)'),
  companyAddress: text('The company’s address'),
  companyPhone: text('The company’s phone'),
  companyWebsite: text('The company’s website'),
  companyInfo: text('Address · phone · website · tax id, the parts there are'),
  primaryColour: text('The brand’s primary colour, #rrggbb (for style attributes)'),
  accentColour: text('The brand’s accent colour, #rrggbb'),
  senderName: text('The sender’s display name: the template’s, else the company'),
  customerName: text('The customer’s legal name'),
  customerTaxId: text('The customer’s tax id'),
  contactName: text('The name of the first person the email is addressed to, if known'),
  asOf: text('The date the reminder speaks for, in the reader’s format'),
  invoices: list('The documents this reminder is about, still owed', documentRow),
  invoiceCount: text('How many of them'),
  single: flag('Only one'),
  firstInvoiceNumber: text('The number of the first of them'),
  longOverdue: flag('One of them is more than 30 days past due (for firmer words)'),
  overdueTotals: list('What the account has overdue, per currency', {
    currency: text('ISO 4217 code'),
    amount: text('The overdue amount'),
  }),
  hasOverdueTotals: flag('Something is overdue'),
  statementLines: list('Every open document of the account', documentRow),
  statementTotals: list('The account’s balance per currency', {
    currency: text('ISO 4217 code'),
    balance: text('Open balance'),
    overdue: text('Of it, overdue'),
  }),
  paymentAccounts: list('Where to pay', {
    bank: text('Bank'),
    typeName: text('Account type, in the reader’s words (CLABE, cuenta corriente…)'),
    number: text('Account number or CLABE'),
    holder: text('Account holder'),
    holderTaxId: text('Holder’s tax id'),
    currency: text('Currency the account takes'),
    label: text('All of it on one line'),
  }),
  hasPaymentInstructions: flag('There are payment instructions'),
  paymentNote: text('The company’s note on paying (e.g. where to send the receipt)'),
  statementUrl: text('Link to the statement as it is when opened'),
  statementAttached: flag('The statement PDF is attached'),
};
