import { tokenAddress, type InboundDomains } from './mail-addresses';
import { openMailToken, signMailToken, type OpenedToken, type TokenPurpose } from './mail-token';

export interface MailTokenSettings {
  secret: string;
  ttlDays: number;
  domains: InboundDomains;
  /** The one-click unsubscribe port as customers reach it. */
  unsubscribeBase: string;
}

/** Where a message's bounces, answers and unsubscribes come back to, each address naming the message. */
export interface ReturnAddresses {
  /** The envelope sender (MAIL FROM), which receivers write down as Return-Path: VERP. */
  returnPath: string;
  replyTo: string;
  /** RFC 2369 List-Unsubscribe and RFC 8058 List-Unsubscribe-Post. */
  listUnsubscribe: string;
  listUnsubscribePost: string;
}

/** The deployment's signed addresses: minted for each message sent, opened for each email that comes back. */
export class MailTokens {
  constructor(private readonly settings: MailTokenSettings) {}

  get domains(): InboundDomains {
    return this.settings.domains;
  }

  returnAddresses(messageId: string, now: Date): ReturnAddresses {
    const { secret, domains, unsubscribeBase } = this.settings;
    const sign = (purpose: TokenPurpose) => signMailToken(secret, purpose, messageId, now);
    const unsubscribe = sign('unsubscribe');
    return {
      returnPath: tokenAddress('bounce', sign('bounce'), domains),
      replyTo: tokenAddress('reply', sign('reply'), domains),
      listUnsubscribe:
        `<mailto:${tokenAddress('unsubscribe', unsubscribe, domains)}?subject=unsubscribe>, ` +
        `<${unsubscribeUrl(unsubscribeBase, unsubscribe)}>`,
      listUnsubscribePost: 'List-Unsubscribe=One-Click',
    };
  }

  open(purpose: TokenPurpose, token: string, now: Date): OpenedToken {
    return openMailToken(this.settings.secret, purpose, token, now, this.settings.ttlDays);
  }
}

export function unsubscribeUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/unsubscribe/${token}`;
}
