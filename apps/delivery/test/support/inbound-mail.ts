import type { ReceivedMail } from '@chasqui/testing';

/** What a reminder carried that comes back: its envelope sender and the addresses in its headers. */
export function returnAddressesOf(mail: ReceivedMail): {
  bounce: string;
  replyTo: string;
  unsubscribeMailto: string;
  unsubscribeUrl: string;
} {
  const headers = mail.raw.split('\r\n\r\n', 1)[0].replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  const unsubscribe = header('List-Unsubscribe');
  return {
    bounce: mail.from,
    replyTo: /<([^>]+)>/.exec(header('Reply-To'))?.[1] ?? header('Reply-To'),
    unsubscribeMailto: /<mailto:([^?>]+)/.exec(unsubscribe)?.[1] ?? '',
    unsubscribeUrl: /<(https?:[^>]+)>/.exec(unsubscribe)?.[1] ?? '',
  };
}
