import { asMessagingFailure } from '@chasqui/grpc';
import { PermanentFailure, TransientFailure } from '@chasqui/messaging';
import { PdfPoolNotRunningError, PdfRenderTimeoutError } from '../../pdf/chromium-pool';
import { ReminderError } from '../../reminder/reminder.errors';

/**
 * A render job's failure as the consumer should treat it: a statement that
 * cannot make a reminder, or a customer receivables no longer knows, is
 * dead-lettered at once; receivables or Chromium being down holds the job.
 */
export function asRenderFailure(error: unknown): unknown {
  if (error instanceof ReminderError) return new PermanentFailure(`${error.code}: ${error.message}`);
  if (error instanceof PdfPoolNotRunningError || error instanceof PdfRenderTimeoutError) {
    return new TransientFailure(error.message, 'chromium');
  }
  return asMessagingFailure(error, 'receivables');
}
