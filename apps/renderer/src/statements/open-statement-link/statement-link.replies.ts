import { status as GrpcStatus } from '@grpc/grpc-js';
import { isTransientGrpcError } from '@chasqui/grpc';
import { ReminderError } from '../../reminder/reminder.errors';

export type Reply = {
  status: number;
  type: string;
  body: string | Buffer;
  filename?: string;
  retryAfterSeconds?: number;
};

const text = (status: number, body: string, retryAfterSeconds?: number): Reply => ({
  status,
  type: 'text/plain; charset=utf-8',
  body,
  retryAfterSeconds,
});

export const NO_SUCH_STATEMENT = text(404, 'No existe este estado de cuenta. / No such statement.');
export const EXPIRED = text(410, 'Este enlace al estado de cuenta venció. / This statement link has expired.');

/** How long a customer should wait before opening the link again after a dependency failed. */
const RETRY_AFTER_SECONDS = 30;

/**
 * What a customer sees when preparing the statement failed. Receivables
 * judging the link's fields (NOT_FOUND, INVALID_ARGUMENT) means there is no
 * such statement: 404. A dependency that may recover (receivables unavailable
 * or too slow, the browser) is 503 with Retry-After. Only a failure nobody
 * expected is 500, and `log` says so.
 */
export function failureReply(error: unknown, log: (error: unknown) => void): Reply {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === GrpcStatus.NOT_FOUND || code === GrpcStatus.INVALID_ARGUMENT) return NO_SUCH_STATEMENT;
  if (error instanceof ReminderError && error.code === 'REMINDER.NO_OPEN_INVOICES') {
    return text(200, 'No hay documentos pendientes de pago. / Nothing is owed on this account.');
  }
  log(error);
  const later = 'No pudimos preparar el estado de cuenta; intente más tarde. / Please try again later.';
  // Receivables failing on this very request, or a statement we cannot render, will fail again;
  // anything else (receivables unreachable or slow, the browser) may pass.
  const permanent = error instanceof ReminderError || (typeof code === 'number' && !isTransientGrpcError(error));
  return permanent ? text(500, later) : text(503, later, RETRY_AFTER_SECONDS);
}
