// Lengths bounded as in RFC 5321 4.5.3.1 (64-octet local part, 63-octet labels): linear on long tokens.
const ADDRESS =
  /[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+/gi;

/** The email addresses in a text, lower-cased, each once, in order of appearance. */
export function addressesIn(text: string): string[] {
  const found = (text.match(ADDRESS) ?? [])
    .map((address) => address.toLowerCase().replace(/^[.'`]+|[.'`]+$/g, ''))
    // A domain ends in a name, not a number: "user@192.0.2.1" is a host, not an address we sent to.
    .filter((address) => /\.[a-z][a-z0-9-]*$/.test(address));
  return [...new Set(found)];
}

/** The first address in a header or field value ("Name <a@b>", "rfc822; a@b"), or null. */
export function addressIn(value: string): string | null {
  return addressesIn(value)[0] ?? null;
}

/** The mail system's own mailboxes, which are never the recipient a report is about. */
export function isDaemonAddress(address: string): boolean {
  return /^(mailer-daemon|mailerdaemon|mail-daemon|mdaemon)@/.test(address);
}
