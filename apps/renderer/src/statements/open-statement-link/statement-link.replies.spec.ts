import { status } from '@grpc/grpc-js';
import { ReminderError } from '../../reminder/reminder.errors';
import { failureReply } from './statement-link.replies';

const grpc = (code: status) => Object.assign(new Error(`${code}`), { code, details: '' });

describe('what a customer sees when a statement link cannot be answered', () => {
  it.each([
    ['receivables knows no such customer', grpc(status.NOT_FOUND), 404, undefined, false],
    ['receivables refuses the link’s fields', grpc(status.INVALID_ARGUMENT), 404, undefined, false],
    ['nothing is owed', new ReminderError('REMINDER.NO_OPEN_INVOICES', 'none'), 200, undefined, false],
    ['receivables is down', grpc(status.UNAVAILABLE), 503, '30', true],
    ['receivables hangs', grpc(status.DEADLINE_EXCEEDED), 503, '30', true],
    ['the browser crashed', new Error('Target page, context or browser has been closed'), 503, '30', true],
    ['receivables fails on this request', grpc(status.INTERNAL), 500, undefined, true],
    [
      'a statement that cannot be rendered',
      new ReminderError('REMINDER.INCOMPLETE_STATEMENT', 'x'),
      500,
      undefined,
      true,
    ],
  ])('%s', (_what, error, httpStatus, retryAfter, logged) => {
    const log = jest.fn();
    const reply = failureReply(error, log);
    expect({
      status: reply.status,
      retryAfter: reply.retryAfterSeconds?.toString(),
      logged: log.mock.calls.length > 0,
    }).toEqual({
      status: httpStatus,
      retryAfter,
      logged,
    });
  });
});
