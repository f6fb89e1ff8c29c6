/** A tenant's settings until it changes them (as the columns' defaults). */
export const DEFAULT_PAUSE_DAYS_AFTER_REPLY = 7;
