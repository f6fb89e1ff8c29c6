/** The first enhanced status code (RFC 3463) in a text, e.g. "5.1.1" in "550 5.1.1 <a@b>" or "(#5.1.1)". */
export function enhancedStatusIn(text: string): string | null {
  // Not part of a longer dotted number (an IP address, a version).
  const found = /(?:^|[^\d.])([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/.exec(text);
  return found ? found[1] : null;
}

/** The first SMTP reply code (RFC 5321 4.2) in a text, e.g. "550" in "said: 550-5.1.1 …". */
export function replyCodeIn(text: string): string | null {
  const found = /(?:^|[^\w.-])([245][0-5]\d)(?=[ -]|$)/m.exec(text);
  return found ? found[1] : null;
}
