export type ReminderErrorCode = 'REMINDER.INCOMPLETE_STATEMENT' | 'REMINDER.NO_OPEN_INVOICES';

/** Why no reminder can be rendered from this statement; trying again will not change it. */
export class ReminderError extends Error {
  constructor(
    readonly code: ReminderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReminderError';
  }
}
