import type { ParsedMail } from 'mailparser';

/**
 * What an inbound email is, read from its structure and the standards
 * (RFC 3464, 5965, 3834) — never from which file or sender it came from.
 * Pure: the SMTP edge parses the raw bytes (mailparser) and stores them first.
 */
export type Classification = Bounce | Complaint | AutoReply | HumanReply;

/** A delivery status notification, standard (RFC 3464) or an MTA's own wording. */
export interface Bounce {
  kind: 'bounce';
  recipients: BouncedRecipient[];
  /** Message-IDs of the message that bounced, as found in the returned original (headers or text). */
  originalMessageIds: string[];
}

export interface BouncedRecipient {
  /** Lower-cased address of the final recipient. */
  address: string;
  /** RFC 3464 Action, or what the wording says: a delay warning is not a failure. */
  action: 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';
  /** Enhanced status code (RFC 3463), e.g. "5.1.1"; null when none is given or implied. */
  status: string | null;
  /** The remote server's own words, e.g. "550 5.1.1 <x@y>: user unknown". */
  diagnostic: string;
  /** The address will not work (unknown user or host, moved): suppress it. Soft: it may recover. */
  hard: boolean;
}

/** An abuse report or feedback loop message (ARF, RFC 5965): the recipient does not want our mail. */
export interface Complaint {
  kind: 'complaint';
  /** Feedback-Type: abuse, fraud, opt-out, not-spam, virus, other… */
  feedbackType: string;
  /** The complaining addresses, lower-cased, when the report names them. */
  recipients: string[];
  originalMessageIds: string[];
}

/** An automatic answer (RFC 3834, X-Autoreply, vacation wording): recorded, never a pause. */
export interface AutoReply {
  kind: 'auto_reply';
  /** Which signal decided it, e.g. "Auto-Submitted: auto-replied". */
  reason: string;
}

/** A person's answer. */
export interface HumanReply {
  kind: 'human_reply';
  /** The new text: quoted history stripped. */
  text: string;
  /** A promise to pay with its date, YYYY-MM-DD, when the new text states one; null otherwise. */
  promisedDate: string | null;
}

/**
 * The parsed mail, with its raw bytes when the edge has them: some MTAs write MIME that
 * mailparser cannot split (a boundary that never occurs, bare CR line ends), and such a
 * report is only readable from the source.
 */
export type InboundMail = ParsedMail & { raw?: Buffer };
