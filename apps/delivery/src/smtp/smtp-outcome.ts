/**
 * What became of one SMTP transaction, as far as the client can know.
 * `deferred` is worth another try: `server` when the server itself is unwell
 * (unreachable, 421, the connection lost before the final dot), `message`
 * when it declined this message for now (450/451/452).
 */
export type SmtpOutcome =
  | { kind: 'accepted'; response: string; rejected: string[] }
  | { kind: 'deferred'; scope: 'server' | 'message'; response: string }
  | { kind: 'rejected'; response: string }
  | { kind: 'unknown'; response: string };

/** What nodemailer's SMTPConnection reports on failure. */
export interface SmtpFailure {
  message: string;
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  rejectedErrors?: { responseCode?: number; response?: string }[];
}

/**
 * The outcome of a failed transaction. Once the final dot has gone out, the
 * server may have taken the message: without its answer the outcome is
 * unknown (ARCHITECTURE §4 — resending could deliver twice). Before the dot a
 * server discards what it got, so a lost connection is simply retryable.
 */
export function failureOutcome(error: SmtpFailure, finalDotSent: boolean): SmtpOutcome {
  const response = error.response ?? error.message;
  const code = error.responseCode ?? worstRecipientCode(error);
  if (code !== undefined && code >= 500) return { kind: 'rejected', response };
  if (code !== undefined && code >= 400) {
    return { kind: 'deferred', scope: code === 421 ? 'server' : 'message', response };
  }
  if (finalDotSent) return { kind: 'unknown', response: `connection lost after the final dot: ${response}` };
  return { kind: 'deferred', scope: 'server', response };
}

/**
 * Every recipient refused at RCPT (EENVELOPE): a 4xx among them means one may
 * still take it later, so the message is deferred rather than failed.
 */
function worstRecipientCode(error: SmtpFailure): number | undefined {
  const codes = (error.rejectedErrors ?? []).map((e) => e.responseCode).filter((c): c is number => c !== undefined);
  if (codes.length === 0) return undefined;
  return codes.some((c) => c < 500) ? Math.min(...codes.filter((c) => c < 500)) : Math.max(...codes);
}

/** Why a message is where it is, in words a finance team can act on, with the server's own words. */
export function outcomeReason(outcome: SmtpOutcome): string {
  const words = outcome.response.replace(/\s+/g, ' ').trim().slice(0, 300);
  switch (outcome.kind) {
    case 'accepted':
      return `The mail server accepted it: ${words}`;
    case 'rejected':
      return `The mail server refused it for good; check the address or the content. It said: ${words}`;
    case 'deferred':
      return outcome.scope === 'server'
        ? `The mail server could not be reached or was busy; it will be tried again. It said: ${words}`
        : `The mail server asked to try again later; it will be. It said: ${words}`;
    case 'unknown':
      return `The connection was lost after the message was handed over: ${words}`;
  }
}
