import type { Field } from './header-fields';

/** A part of the mail kept for the report readers: its MIME type and its text. */
export interface MailPart {
  type: string;
  content: string;
}

/** What the readers look at, as plain data: headers, the readable text and the report parts. */
export interface MailView {
  headers: Field[];
  /** Lower-cased address of From, '' when it has none (e.g. a bare "MAILER-DAEMON"). */
  from: string;
  fromName: string;
  /** To and Cc, lower-cased. */
  to: string[];
  subject: string;
  /** Lower-cased MIME type of the mail and its report-type parameter ('' when none). */
  contentType: string;
  reportType: string;
  messageId: string;
  /** The readable text: the text parts, or the HTML as text when there is no text part. */
  text: string;
  /** The attached message, header and report parts (binary parts left out). */
  parts: MailPart[];
  /** The raw body below the top header, when the edge passed the raw bytes; '' otherwise. */
  rawBody: string;
}
