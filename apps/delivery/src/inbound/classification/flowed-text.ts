import type { InboundMail } from './classification';
import { headerValue } from './mail-headers';

/**
 * The text of a format=flowed message, read again from the raw bytes when the edge kept them.
 * mailparser (libmime's decodeFlowed) joins a flowed quoted line with the unquoted line after it
 * ("> Hi " + "Hello" → "> Hi Hello"), so a reply written under the quote vanishes into it; RFC 3676
 * §4.5 ends a paragraph where the quote depth changes. Only a single text/plain part is read here;
 * anything else keeps mailparser's text (null).
 */
export function flowedText(mail: InboundMail): string | null {
  const type = mail.headers?.get('content-type');
  if (!mail.raw || typeof type !== 'object' || !('params' in type)) return null;
  if (type.value.toLowerCase() !== 'text/plain' || type.params.format?.toLowerCase() !== 'flowed') return null;
  const source = mail.raw.toString('latin1');
  const start = /\r?\n\r?\n/.exec(source);
  if (!start) return null;
  const body = decoded(source.slice(start.index + start[0].length), headerValue(mail, 'content-transfer-encoding'));
  return unflow(text(body, type.params.charset ?? 'utf-8'), type.params.delsp?.toLowerCase() === 'yes');
}

function decoded(body: string, encoding: string | null): Buffer {
  if (/^base64$/i.test(encoding ?? '')) return Buffer.from(body, 'base64');
  if (!/^quoted-printable$/i.test(encoding ?? '')) return Buffer.from(body, 'latin1');
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? /^[0-9A-Fa-f]{2}$/.exec(soft.slice(i + 1, i + 3)) : null;
    bytes.push(hex ? parseInt(hex[0], 16) : soft.charCodeAt(i) & 0xff);
    if (hex) i += 2;
  }
  return Buffer.from(bytes);
}

function text(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an unknown label
  }
}

/** RFC 3676 §4: join soft-broken lines of the same quote depth, drop space-stuffing. */
function unflow(body: string, delSp: boolean): string {
  const lines: { depth: number; text: string; open: boolean }[] = [];
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const depth = /^>*/.exec(raw)![0].length;
    const content = raw.slice(depth).replace(/^ /, '');
    const flowed = / $/.test(content) && content !== '-- ';
    const last = lines[lines.length - 1];
    const piece = flowed && delSp ? content.slice(0, -1) : content;
    if (last?.open && last.depth === depth) Object.assign(last, { text: last.text + piece, open: flowed });
    else lines.push({ depth, text: piece, open: flowed });
  }
  return lines.map((line) => (line.depth ? `${'>'.repeat(line.depth)} ${line.text}` : line.text)).join('\n');
}
