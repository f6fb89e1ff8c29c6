/** One account the customer may pay into, as the tenant wrote it. */
export interface PaymentAccount {
  bank: string;
  accountType: 'checking' | 'savings' | 'clabe' | 'vista' | 'other';
  number: string;
  holder: string;
  holderTaxId: string;
  currency: string;
}

/** How a tenant's emails and statements look and what they say about the company and how to pay. */
export interface Brand {
  /** Already checked and sanitised when stored: it travels inline (CID in email, data: URI in the PDF). */
  logo?: { contentType: string; content: Buffer };
  align: 'left' | 'center' | 'right';
  primaryColour: string;
  accentColour: string;
  address: string;
  phone: string;
  website: string;
  taxId: string;
  /** 'auto': Letter where the tenant's country prints on Letter (MX, CL, US, CA), else A4. */
  paper: 'auto' | 'letter' | 'a4';
  accounts: PaymentAccount[];
  paymentNote: string;
}

/** What a tenant that set nothing gets: the company's name in a blue header, no payment instructions. */
export const DEFAULT_BRAND: Brand = {
  align: 'left',
  primaryColour: '#1f4e79',
  accentColour: '#c81e1e',
  address: '',
  phone: '',
  website: '',
  taxId: '',
  paper: 'auto',
  accounts: [],
  paymentNote: '',
};
