import type { BouncedRecipient } from './classification';

/** What a failure is judged from: the server's words, the enhanced status and how it was reported. */
export interface FailureReport {
  action: BouncedRecipient['action'];
  status: string | null;
  /** All the words about the failure: the Diagnostic-Code and the notice's lines about the recipient. */
  diagnostic: string;
  /** RFC 3464 Diagnostic-Code type: "x-unix" is a local delivery program, not the remote server. */
  diagnosticType?: string;
}

/** Words only a directory or DNS lookup writes: the domain, or the mailbox, does not exist or moved. */
const ADDRESS_IS_GONE = [
  /host (or domain name )?(not found|unknown)|unknown (host|domain)|domain (does not|doesn'?t) exist|no such domain/,
  /domain (is )?not reachable|domain must exist|name or service not known|unroute?able address|null mx/,
  /the account or domain may not exist|mail domain mentioned in email address is unknown/,
  /has (been )?moved|has been replaced by|no longer (on|at) (this )?server|no longer accepts mail/,
  /not listed in (the )?(domino directory|public name)|recipient name is not recognized|no valid recipients/,
  /recip(ient)?notfound|email account that you tried to reach does not exist|recipient address rejected: access denied/,
  /this user doesn'?t have an? \S+ account/,
];

/**
 * Words that name a cause other than the address: the mailbox exists but is full or
 * disabled, or the message, the sender or the sending host was refused. They win over
 * "user unknown" in the same reply (filters often say both).
 */
const NOT_THE_ADDRESS = [
  // mailbox full, message too big
  /mail ?(box|folder)[^.]{0,30}\bfull\b|\bis full\b|over ?quota|quota|insufficient (system )?storage|not enough (disk )?space/,
  /too (large|big)|size (limit )?exceed|exceeds?[^.]{0,20}size|size limit/,
  // content, spam, reputation, policy
  /\bspam|\bube\b|bulk e?mail|\bjunk\b|black ?list|block ?list|\bblocked\b|denylist|\b(dns)?rbl\b|reputation|\bpolic(y|ies)\b/,
  /content (rejected|filter)|header error|8-?bit|virus|malware|mail loop|hop count|too many hops|recipient preferences/,
  // the sender or the sending host
  /\bspf\b|\bdkim\b|\bdmarc\b|authenticat|not allowed to send|not authorized|sender (address )?(rejected|denied|verify)/,
  /domain of sender|sender was rejected|my name was rejected|\bhelo\b|\behlo\b|reverse dns|\bptr\b|ip name lookup/,
  /relay(ing)? (access )?(denied|not permitted)|unable to relay|access denied|send mail as|smtp server of your isp/,
  // rate, connection, time
  /too many (connections|concurrent|messages|recipients)|rate limit|connection (rate|refused|reset)|try again later/,
  /temporar|timed? ?out|expired|retry time|too long (in|on) the queue|in the queue too long|could not send message for/,
  // the mailbox exists but does not take mail
  /suspend|disabled|deactivated|\blocked\b|on hold|not accepting (any )?mail|refused? (due )?to (receive|accept)|user reject/,
];

/** "No such user": a mailbox server says it at RCPT TO, but content filters say it too. */
const UNKNOWN_MAILBOX = [
  /user(name)? (is )?unknown|unknown (user|recipient|mailbox|local[- ]?part|e-?mail address|address)/,
  /no such (user|mailbox|recipient|address|person|account)|no (mailbox|account) (here )?by that name/,
  /(user|mailbox|recipient|account|address)( name)? (does not|doesn'?t|not) exist/,
  /(user|recipient|mailbox|address) (was )?not found|invalid (recipient|mailbox|address|user)/,
  /not a valid (user|mailbox|recipient)|bad (destination )?(mailbox|recipient|address)|is not a known user/,
  /mailbox (is )?unavailable|mailbox not (found|present)|recipient (address )?rejected|address rejected/,
];

/** The reply answered RCPT TO: it is about the address, not about the message. */
const AT_RCPT = /rcpt to|rcpt_to|\brcpt\b|recipient address rejected/;
/** The reply came after the message (DATA): the server had accepted the address. */
const AFTER_DATA = /after (end of )?data|(in reply to|after) (the )?end of data|final data|command:?\s*data\b/;
/** Address statuses (RFC 3463 X.1.x) that say the mailbox or its system is bad. */
const BAD_ADDRESS_STATUS = /^5\.1\.(0|1|2|3|6|10)$/;

/**
 * Hard when the address itself will not work (sisimai's "hardbounce": user unknown, host
 * unknown, has moved); everything else is soft, even with a 5.x.x status. The server's words
 * decide first, the enhanced status (RFC 3463) only when they say nothing. A false hard
 * bounce stops mail to a good address, so "user unknown" alone needs corroboration: an
 * address status (X.1.x), a reply to RCPT TO, or a 553 reply.
 */
export function isHardBounce(report: FailureReport): boolean {
  if (report.action !== 'failed') return false;
  const words = report.diagnostic.toLowerCase();
  const status = report.status ?? '';
  if (status.startsWith('4') || (!status && /^\s*4\d\d\b/.test(words))) return false;
  // A local delivery program failed (procmail, a full disk): the receiving system's trouble.
  if (report.diagnosticType === 'x-unix') return false;
  if (ADDRESS_IS_GONE.some((pattern) => pattern.test(words))) return true;
  if (NOT_THE_ADDRESS.some((pattern) => pattern.test(words))) return false;
  if (UNKNOWN_MAILBOX.some((pattern) => pattern.test(words))) {
    if (AFTER_DATA.test(words)) return false;
    // 553 is "mailbox name not allowed" (RFC 5321 4.2.3): about the address too.
    if (AT_RCPT.test(words) || /(^|\D)553[ -]/.test(words)) return true;
    // Else only an address status corroborates; X.2.x says the mailbox exists (disabled, full).
    return BAD_ADDRESS_STATUS.test(status);
  }
  // Bad mailbox, bad system, mailbox syntax, moved, no mail for the domain (RFC 7505), no route.
  return /^5\.(1\.(1|2|3|6|10)|4\.4)$/.test(status);
}
