import { addressesIn } from './address';
import { replyCodeIn } from './smtp-codes';

/** A recipient named in a bounce's own words, with the words about it. */
export interface WordedFailure {
  address: string;
  /** The remote server's reply when the lines quote one, else the lines about this recipient. */
  diagnostic: string;
  /** All the words about this recipient, the reply included (e.g. "after end of data: 554 …"). */
  context: string;
}

/**
 * Where a line names the recipient it is about: the address leads the line (after
 * indentation, quotes, "*", ">>>" or a reply code), or follows "to:", "RCPT TO:",
 * "recipients:", "delivering your mail to" and the like.
 */
const LEADS =
  /^[\s>*"'<•·-]*$|^\s*[245]\d\d[ -]<?$|(\bto|\bfor|recipients?|errors?|user|address(es)?)\s*:\s*<?\s*$|deliver\w* (your )?(mail |message )?to:?\s*<?\s*$/i;

/** Where the notice ends and the machine-readable report (RFC 3464) begins. */
const REPORT_PART = /^--\S+\s*$|^(content-type|reporting-mta|final-recipient|original-recipient|arrival-date)\s*:/i;

/** Lines about the sender or an alias, whose addresses are not failed recipients. */
const NOT_A_RECIPIENT =
  /^\s*(from|reply-to|return-path|sender|original sender)\s*:|mail from|envelope-from|envelope sender|(generated|expanded) from|^\s*from\s+\S+@/i;

/**
 * The failed recipients a non-standard bounce names in its notice, each with the lines
 * that follow it up to an empty line or the next recipient. `notMine` holds the addresses
 * that cannot be a failed recipient (the bounce's own sender and addressee, the original's sender).
 */
export function readBounceWording(notice: string, notMine: ReadonlySet<string>): WordedFailure[] {
  const lines = notice.split('\n');
  const leading = lines.map((line) => leadingAddress(line, notMine));
  const failures = new Map<string, string[]>();
  leading.forEach((address, index) => {
    if (!address) return;
    const block = [lines[index]];
    for (let next = index + 1; next < lines.length && lines[next].trim(); next++) {
      const other = leading[next];
      if (other && other !== address) break;
      block.push(lines[next]);
    }
    failures.set(address, [...(failures.get(address) ?? []), tidy(block.join(' '))]);
  });
  return [...failures].map(([address, blocks]) => {
    const rest = lines.slice(leading.indexOf(address) + 1);
    const end = rest.findIndex((line) => REPORT_PART.test(line));
    const context = contextOf(blocks, end < 0 ? rest : rest.slice(0, end), notice);
    return { address, diagnostic: serverReply(context), context };
  });
}

function leadingAddress(line: string, notMine: ReadonlySet<string>): string | null {
  // A line naming a recipient is short; a long one is encoded data or a paragraph.
  if (line.length > 1000 || NOT_A_RECIPIENT.test(line)) return null;
  const lower = line.toLowerCase();
  for (const address of addressesIn(line)) {
    if (notMine.has(address)) continue;
    if (LEADS.test(line.slice(0, lower.indexOf(address)))) return address;
  }
  return null;
}

/**
 * The words about one recipient: its own block when it says something, else what follows it
 * in the notice (Gmail, Domino), else the whole notice (the reason written before the list).
 */
function contextOf(blocks: string[], after: string[], notice: string): string {
  const saysSomething = (text: string) => /[a-z]{3}/i.test(text.replace(/[^\s@]{1,64}@\S+/g, ''));
  const own = blocks.filter(saysSomething);
  const around = [tidy(after.join(' ')), tidy(notice)].filter(saysSomething);
  return own.find(replyCodeIn) ?? own[0] ?? around.find(replyCodeIn) ?? around[0] ?? '';
}

/** From the quoted SMTP reply on, when there is one: "host x said: 550 5.1.1 …" → "550 5.1.1 …". */
export function serverReply(text: string): string {
  const code = replyCodeIn(text);
  const reply = code ? text.slice(text.indexOf(code)) : text;
  return reply.length > 500 ? `${reply.slice(0, 497)}...` : reply;
}

export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s:>\]"'),.-]+/, '')
    .trim();
}
