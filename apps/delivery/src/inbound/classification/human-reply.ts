import { extractFrom } from 'planer';
import type { HumanReply, InboundMail } from './classification';
import { flowedText } from './flowed-text';
import { readPromiseToPay } from './promise-to-pay';

/**
 * Quote headers planer does not know: Gmail / Apple Mail in Spanish or Portuguese ("El lun, 1 dic 2026
 * a las 10:03, Juan <j@x.mx> escribió:", wrapped over up to three lines and always dated, hence the
 * digit), "-----Mensaje original-----", and Outlook's Spanish block ("De: … / Enviado: … / Para: … /
 * Asunto: …", after its rule of underscores).
 */
const SPANISH_QUOTE_HEADERS = [
  /^[ \t>]*(?:El|Em)\s(?=[^\n]*\d)(?:[^\n]*\n){0,2}?[^\n]*\b(?:escribi[óo]|escreveu)\s*:[ \t]*$/gm,
  /^[ \t>]*-{2,}\s*Mensaje original\s*-{2,}[ \t]*$/gim,
  /^(?:[ \t]*_{8,}[ \t]*\n)?[ \t>]*\*?De:\*?[ \t]+\S[^\n]*\n[ \t>]*\*?(?:Enviado(?: el)?|Fecha|Para|Asunto):\*?/gim,
];
/** A splitter planer knows (talon's ORIGINAL_MESSAGE). */
const SPLITTER = '-----Original Message-----';

/**
 * A person's answer: the new text without the quoted history, and a promise to pay when that new text
 * states one. mailparser fills `mail.text` from the HTML part (html-to-text, blockquotes as "> ") when
 * there is no text/plain part, so one plain-text path serves both.
 */
export function readHumanReply(mail: InboundMail, now: Date, timeZone: string): HumanReply {
  const text = newText(flowedText(mail) ?? mail.text ?? '');
  return { kind: 'human_reply', text, promisedDate: readPromiseToPay(text, now, timeZone) };
}

/**
 * planer is a port of mailgun's talon, whose fixtures (Gmail, Outlook, Apple Mail, Yahoo, Thunderbird…)
 * are the replies of our corpus: it knows English and most European quote headers, "> " blocks and a
 * reply written under the quote. Spanish headers are turned into a splitter it knows, so that it still
 * decides where the new text is.
 */
function newText(body: string): string {
  const text = body.replace(/\r\n?/g, '\n');
  const marked = SPANISH_QUOTE_HEADERS.reduce((result, header) => result.replace(header, SPLITTER), text);
  const cut = extractFrom(marked, 'text/plain');
  // When planer keeps everything (an answer interleaved with the quote) it must keep the original words.
  return (cut.includes(SPLITTER) && !text.includes(SPLITTER) ? extractFrom(text, 'text/plain') : cut).trim();
}
