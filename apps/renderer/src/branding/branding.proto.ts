import { renderer } from '@chasqui/contracts';
import type { Brand } from '../reminder/brand';
import type { Branding, PaymentInstructions } from './branding.repository';

const ALIGNMENTS: Record<Brand['align'], renderer.LogoAlignment> = {
  left: renderer.LogoAlignment.LOGO_ALIGNMENT_LEFT,
  center: renderer.LogoAlignment.LOGO_ALIGNMENT_CENTER,
  right: renderer.LogoAlignment.LOGO_ALIGNMENT_RIGHT,
};
const PAPERS: Record<Brand['paper'], renderer.PaperSize> = {
  auto: renderer.PaperSize.PAPER_SIZE_UNSPECIFIED,
  letter: renderer.PaperSize.PAPER_SIZE_LETTER,
  a4: renderer.PaperSize.PAPER_SIZE_A4,
};
const ACCOUNT_TYPES: Record<Brand['accounts'][number]['accountType'], renderer.AccountType> = {
  checking: renderer.AccountType.ACCOUNT_TYPE_CHECKING,
  savings: renderer.AccountType.ACCOUNT_TYPE_SAVINGS,
  clabe: renderer.AccountType.ACCOUNT_TYPE_CLABE,
  vista: renderer.AccountType.ACCOUNT_TYPE_VISTA,
  other: renderer.AccountType.ACCOUNT_TYPE_OTHER,
};

const reverse = <K extends string, V>(map: Record<K, V>, value: V): K | undefined =>
  (Object.keys(map) as K[]).find((key) => map[key] === value);

export const fromAlignment = (value: renderer.LogoAlignment) =>
  value === renderer.LogoAlignment.LOGO_ALIGNMENT_UNSPECIFIED ? 'left' : reverse(ALIGNMENTS, value);
export const fromPaper = (value: renderer.PaperSize) => reverse(PAPERS, value);
export const fromAccountType = (value: renderer.AccountType) => reverse(ACCOUNT_TYPES, value);

export function toBrandingProto(branding: Branding): renderer.Branding {
  return {
    logo: branding.logo?.content ?? Buffer.alloc(0),
    logoContentType: branding.logo?.contentType ?? '',
    alignment: ALIGNMENTS[branding.align],
    primaryColour: branding.primaryColour,
    accentColour: branding.accentColour,
    address: branding.address,
    phone: branding.phone,
    website: branding.website,
    taxId: branding.taxId,
    paperSize: PAPERS[branding.paper],
  };
}

export function toPaymentInstructionsProto(payment: PaymentInstructions): renderer.PaymentInstructions {
  return {
    accounts: payment.accounts.map((account) => ({ ...account, accountType: ACCOUNT_TYPES[account.accountType] })),
    note: payment.note,
  };
}
