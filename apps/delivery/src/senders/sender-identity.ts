import type { SenderSettings } from './sender-settings.entity';

/** What a message goes out as: its From, where answers are passed on, its DKIM key, its tenant's pace. */
export interface SenderIdentity {
  /** A formatted From: `"Name" <address>` or the deployment's MAIL_FROM. */
  from: { name: string; address: string };
  /** The tenant's own addresses, where people's replies are forwarded; empty for the default sender. */
  replyTo: string[];
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
  maxPerMinute: number;
}

/** The tenant's identity, or the deployment's default sender when the tenant set none. */
export function senderIdentity(
  settings: SenderSettings | null,
  fallbackFrom: { name: string; address: string },
  openKey: (sealed: Buffer) => string,
): SenderIdentity {
  if (!settings) return { from: fallbackFrom, replyTo: [], dkim: null, maxPerMinute: 0 };
  const { dkimDomain, dkimSelector, dkimKeySealed } = settings;
  return {
    from: { name: settings.fromName, address: settings.fromAddress },
    replyTo: settings.replyTo,
    dkim:
      dkimDomain && dkimSelector && dkimKeySealed
        ? { domainName: dkimDomain, keySelector: dkimSelector, privateKey: openKey(dkimKeySealed) }
        : null,
    maxPerMinute: settings.maxPerMinute,
  };
}

/** `Name <address>` as MAIL_FROM is written, or a bare address. */
export function parseFrom(value: string): { name: string; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return match ? { name: match[1].trim(), address: match[2].trim() } : { name: '', address: value.trim() };
}
