import type { TokenPurpose } from './mail-token';

/** The deployment's two inbound domains: where bounces come back, and where people answer and unsubscribe. */
export interface InboundDomains {
  bounce: string;
  reply: string;
}

/** `bounce+<token>@BOUNCE_DOMAIN`, `reply+<token>@REPLY_DOMAIN`, `unsubscribe+<token>@REPLY_DOMAIN`. */
export function tokenAddress(purpose: TokenPurpose, token: string, domains: InboundDomains): string {
  return `${purpose}+${token}@${purpose === 'bounce' ? domains.bounce : domains.reply}`;
}

export type InboundAddress = { purpose: TokenPurpose; token: string } | { purpose: 'none' } | { refused: string };

/**
 * What a recipient of inbound mail is: a token address (still to be checked),
 * another address at one of our domains (accepted, e.g. postmaster), or an
 * address elsewhere — refused, we are no relay.
 */
export function readInboundAddress(address: string, domains: InboundDomains): InboundAddress {
  const at = address.lastIndexOf('@');
  if (at <= 0) return { refused: 'not an address' };
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  const ours = [domains.bounce.toLowerCase(), domains.reply.toLowerCase()];
  if (!ours.includes(domain)) return { refused: `${domain} is not a domain this server receives for` };
  const match = /^(bounce|reply|unsubscribe)\+([a-z2-7]{1,100})$/.exec(local);
  if (!match) return { purpose: 'none' };
  const purpose = match[1] as TokenPurpose;
  const expected = purpose === 'bounce' ? domains.bounce : domains.reply;
  if (domain !== expected.toLowerCase()) return { purpose: 'none' };
  return { purpose, token: match[2] };
}
