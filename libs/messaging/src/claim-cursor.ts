/** How long the cursor may keep the relay away from the head of the outbox. */
const REWIND_EVERY_MS = 1_000;

/**
 * Where the relay's next batch starts looking: past the rows its lanes have
 * already claimed, so a lane does not walk over the rows other lanes hold
 * locked, nor over the dead rows the deletes leave at the head. Only a hint:
 * a row whose transaction committed after later rows were claimed sits
 * behind the cursor, so it goes back to the head whenever a batch comes back
 * short or fails, and at least every second — such a row waits a moment, it
 * is never left behind.
 */
export class ClaimCursor {
  private after = 0;
  private since = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The sequence number the next batch starts after. */
  next(): number {
    if (this.now() - this.since >= REWIND_EVERY_MS) this.rewind();
    return this.after;
  }

  /** A batch claimed rows up to `lastSeq`; `full`: there is likely more behind it. */
  claimed(lastSeq: number, full: boolean): void {
    if (!full) return this.rewind();
    this.after = Math.max(this.after, lastSeq);
  }

  /** Back to the head of the outbox. */
  rewind(): void {
    this.after = 0;
    this.since = this.now();
  }
}
