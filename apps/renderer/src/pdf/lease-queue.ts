/** A fixed set of items handed out one caller at a time, first come first served. */
export class LeaseQueue<T> {
  private readonly free: T[];
  private readonly waiting: Array<(item: T) => void> = [];

  private readonly size: number;

  constructor(items: readonly T[]) {
    this.free = [...items];
    this.size = items.length;
  }

  acquire(): Promise<T> {
    const item = this.free.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Items handed out now, and callers waiting for one. */
  load(): { busy: number; waiting: number } {
    return { busy: this.size - this.free.length, waiting: this.waiting.length };
  }

  release(item: T): void {
    const next = this.waiting.shift();
    if (next) next(item);
    else this.free.push(item);
  }
}
