import { readInboundAddress, type InboundDomains } from '../addresses/mail-addresses';
import type { OpenedToken, TokenPurpose } from '../addresses/mail-token';
import type { MatchedBy } from './inbound-email.entity';

/** Something in an inbound email that may name one of our messages, strongest first. */
export type Clue = { by: MatchedBy; id: string; kind: 'message' } | { by: MatchedBy; id: string; kind: 'message_id' };

export type Clues =
  | { clues: Clue[]; unsubscribe: boolean }
  /** A token address whose token was forged, altered or expired: nothing in the email is trusted. */
  | { refused: string };

const BY_PURPOSE: Record<TokenPurpose, MatchedBy> = {
  bounce: 'bounce_token',
  reply: 'reply_token',
  unsubscribe: 'unsubscribe_token',
};

/**
 * What may tie an email to a message, in order: the VERP bounce token, the
 * reply token, the unsubscribe token (envelope recipients), then In-Reply-To
 * and References, then the Message-IDs a bounce or report quotes from the
 * original.
 */
export function cluesOf(
  email: { rcptTo: string[]; inReplyTo: string[]; references: string[]; quotedMessageIds: string[] },
  domains: InboundDomains,
  open: (purpose: TokenPurpose, token: string) => OpenedToken,
): Clues {
  const tokens: Clue[] = [];
  let unsubscribe = false;
  for (const rcpt of email.rcptTo) {
    const address = readInboundAddress(rcpt, domains);
    if (!('token' in address)) continue;
    const opened = open(address.purpose, address.token);
    if ('refused' in opened) return { refused: `the ${address.purpose} token of ${rcpt} is ${opened.refused}` };
    tokens.push({ by: BY_PURPOSE[address.purpose], id: opened.messageId, kind: 'message' });
    unsubscribe ||= address.purpose === 'unsubscribe';
  }
  const order: MatchedBy[] = ['bounce_token', 'reply_token', 'unsubscribe_token'];
  tokens.sort((a, b) => order.indexOf(a.by) - order.indexOf(b.by));
  const ids = (list: string[], by: MatchedBy): Clue[] =>
    list.map(normalMessageId).flatMap((id) => (id ? [{ by, id, kind: 'message_id' as const }] : []));
  return {
    clues: [
      ...tokens,
      ...ids([...email.inReplyTo, ...email.references], 'in_reply_to'),
      ...ids(email.quotedMessageIds, 'original_message_id'),
    ],
    unsubscribe,
  };
}

/** `<id@host>` as we write Message-IDs, whatever brackets or spaces surround it. */
export function normalMessageId(value: string): string | null {
  const bare = value.trim().replace(/^<|>$/g, '').trim();
  return /^[^\s<>@]+@[^\s<>@]+$/.test(bare) ? `<${bare}>` : null;
}
