import { readAutoReply } from './auto-reply';
import { readBounce } from './bounce';
import type { AutoReply, Bounce, Classification, Complaint, HumanReply, InboundMail } from './classification';
import { readComplaint } from './complaint';
import { readHumanReply } from './human-reply';

/**
 * What a machine sent back about a message (read from the report's
 * structure): a bounce or a complaint. Read first, because the original it
 * quotes helps find the message — and with it the zone a reply is read in.
 */
export function readReport(mail: InboundMail): Bounce | Complaint | null {
  return readBounce(mail) ?? readComplaint(mail);
}

/** What a person (or their out-of-office) answered: read last, as the fallback. */
export function readAnswer(mail: InboundMail, now: Date, timeZone: string): AutoReply | HumanReply {
  return readAutoReply(mail) ?? readHumanReply(mail, now, timeZone);
}

/** The whole order of §7: DSN, complaint, auto-reply, human reply. */
export function classify(mail: InboundMail, now: Date, timeZone: string): Classification {
  return readReport(mail) ?? readAnswer(mail, now, timeZone);
}
