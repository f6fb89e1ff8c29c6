import type { TemplateLocale } from './resolve-locale';
import type { Brand, PaymentAccount } from './brand';

/** The Content-ID the email's logo travels under (multipart/related). */
export const LOGO_CID = 'logo@chasqui';

/** A logo as a data: URI, encoded once per stored logo (up to 512 KB: not again for every render). */
const dataUris = new WeakMap<Buffer, string>();
function dataUri(logo: NonNullable<Brand['logo']>): string {
  let uri = dataUris.get(logo.content);
  if (!uri) dataUris.set(logo.content, (uri = `data:${logo.contentType};base64,${logo.content.toString('base64')}`));
  return uri;
}

/** Countries whose offices print on US Letter. */
const LETTER_COUNTRIES = new Set(['MX', 'CL', 'US', 'CA']);

const ACCOUNT_WORDS: Record<TemplateLocale, Record<PaymentAccount['accountType'] | 'holder', string>> = {
  'es-MX': {
    checking: 'Cuenta de cheques',
    savings: 'Cuenta de ahorro',
    clabe: 'CLABE',
    vista: 'Cuenta vista',
    other: 'Cuenta',
    holder: 'Titular',
  },
  'es-CL': {
    checking: 'Cuenta corriente',
    savings: 'Cuenta de ahorro',
    clabe: 'CLABE',
    vista: 'Cuenta vista',
    other: 'Cuenta',
    holder: 'Titular',
  },
  en: {
    checking: 'Checking account',
    savings: 'Savings account',
    clabe: 'CLABE',
    vista: 'Demand account',
    other: 'Account',
    holder: 'Holder',
  },
};

export interface BrandView {
  paperSize: 'letter' | 'A4';
  primaryColour: string;
  accentColour: string;
  logoAlign: Brand['align'];
  /** For the PDF: the logo embedded, nothing fetched. */
  logoDataUri: string;
  /** For the email: the logo as an inline part. */
  logoSrc: string;
  companyTaxId: string;
  companyAddress: string;
  companyPhone: string;
  companyWebsite: string;
  /** Address · phone · website · tax id, the parts there are. */
  companyInfo: string;
  hasPaymentInstructions: boolean;
  paymentAccounts: Array<PaymentAccount & { typeName: string; label: string }>;
  paymentNote: string;
}

/** The brand as templates see it: strings and flags, in the reader's words. */
export function brandView(brand: Brand, country: string, locale: TemplateLocale): BrandView {
  const words = ACCOUNT_WORDS[locale];
  const paymentAccounts = brand.accounts.map((account) => {
    const typeName = words[account.accountType];
    const holder = account.holderTaxId ? `${account.holder} (${account.holderTaxId})` : account.holder;
    return {
      ...account,
      typeName,
      label: `${account.bank} · ${typeName} ${account.number} · ${words.holder}: ${holder} · ${account.currency}`,
    };
  });
  const logo = brand.logo;
  return {
    paperSize: paperSize(brand.paper, country),
    primaryColour: brand.primaryColour,
    accentColour: brand.accentColour,
    logoAlign: brand.align,
    logoDataUri: logo ? dataUri(logo) : '',
    logoSrc: logo ? `cid:${LOGO_CID}` : '',
    companyTaxId: brand.taxId,
    companyAddress: brand.address,
    companyPhone: brand.phone,
    companyWebsite: brand.website,
    companyInfo: [brand.address, brand.phone, brand.website, brand.taxId].filter(Boolean).join(' · '),
    hasPaymentInstructions: paymentAccounts.length > 0 || brand.paymentNote !== '',
    paymentAccounts,
    paymentNote: brand.paymentNote,
  };
}

function paperSize(paper: Brand['paper'], country: string): BrandView['paperSize'] {
  switch (paper) {
    case 'letter':
      return 'letter';
    case 'a4':
      return 'A4';
    case 'auto':
      return LETTER_COUNTRIES.has(country.toUpperCase()) ? 'letter' : 'A4';
  }
}

/**
 * A value for a CSS string ("…" in @page content): every character that is not a
 * letter, digit or space as a CSS escape, so a quote, a backslash or `</style>` is text.
 * Long values are cut: a page-box line has room for about 80 characters.
 */
export function cssString(value: string, max = 80): string {
  const chars = [...value];
  const cut = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  return cut.map((c) => (/^[\p{L}\p{N} ]$/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('');
}
