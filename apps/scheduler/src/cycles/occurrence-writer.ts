import type { OccurrencePlan } from './occurrence-plan';

/**
 * Writes occurrences in batches while they are still being decided: a batch
 * is stored as soon as it is full, a few transactions at a time, so reading
 * the ledger and writing what it decides overlap. Batches hold disjoint
 * steps: written side by side, they never wait on each other.
 */
export class OccurrenceWriter<Counts> {
  private batch: OccurrencePlan[] = [];
  private readonly waiting: OccurrencePlan[][] = [];
  private readonly writing = new Set<Promise<void>>();
  private readonly results: Counts[] = [];
  private failure?: { error: unknown };

  constructor(
    private readonly writeBatch: (batch: OccurrencePlan[]) => Promise<Counts>,
    private readonly batchSize: number,
    private readonly writers: number,
  ) {}

  add(plan: OccurrencePlan): void {
    this.batch.push(plan);
    if (this.batch.length >= this.batchSize) this.seal();
  }

  /** Writes what is left; resolves once every batch is stored, or rejects with the first failure. */
  async finish(): Promise<Counts[]> {
    if (this.batch.length > 0) this.seal();
    while (this.writing.size > 0) await Promise.all(this.writing);
    if (this.failure) throw this.failure.error;
    return this.results;
  }

  private seal(): void {
    this.waiting.push(this.batch);
    this.batch = [];
    this.pump();
  }

  private pump(): void {
    while (this.writing.size < this.writers && this.waiting.length > 0 && !this.failure) {
      const batch = this.waiting.shift()!;
      const write: Promise<void> = this.writeBatch(batch).then(
        (counts) => {
          this.results.push(counts);
        },
        (error: unknown) => {
          this.failure ??= { error };
        },
      );
      const done = write.finally(() => {
        this.writing.delete(done);
        this.pump();
      });
      this.writing.add(done);
    }
  }
}
