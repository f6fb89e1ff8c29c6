/** Cool-downs of an open breaker: the first, and the most it grows to (doubling while probes fail). */
export interface BreakerTimings {
  firstCooldownMs: number;
  maxCooldownMs: number;
}

export const DEFAULT_BREAKER_TIMINGS: BreakerTimings = { firstCooldownMs: 1_000, maxCooldownMs: 30_000 };

/**
 * One dependency's breaker, as a consumer sees it. A transient failure that
 * names the dependency opens it at once: the next delivery is held until the
 * cool-down ends, then one probe goes through; its success closes the breaker,
 * its failure opens it again for twice as long.
 */
export class CircuitBreaker {
  private openUntil = 0;
  private cooldownMs: number;
  private probing = false;

  constructor(
    private readonly timings: BreakerTimings,
    private readonly onChange: (open: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.cooldownMs = timings.firstCooldownMs;
  }

  get isOpen(): boolean {
    return this.openUntil > 0;
  }

  /** 'go': call the dependency; 'wait': not before this many ms. Past the cool-down, only one caller probes. */
  admit(): { verdict: 'go' } | { verdict: 'wait'; ms: number } {
    if (!this.isOpen) return { verdict: 'go' };
    const remaining = this.openUntil - this.now();
    if (remaining > 0 || this.probing) return { verdict: 'wait', ms: Math.max(remaining, 100) };
    this.probing = true;
    return { verdict: 'go' };
  }

  success(): void {
    this.probing = false;
    this.cooldownMs = this.timings.firstCooldownMs;
    if (!this.isOpen) return;
    this.openUntil = 0;
    this.onChange(false);
  }

  failure(): void {
    if (!this.isOpen) {
      this.openUntil = this.now() + this.cooldownMs;
      this.onChange(true);
      return;
    }
    // Deliveries that were already in flight when it opened say nothing new; a failed probe does.
    if (!this.probing) return;
    this.probing = false;
    this.cooldownMs = Math.min(this.cooldownMs * 2, this.timings.maxCooldownMs);
    this.openUntil = this.now() + this.cooldownMs;
  }

  /** A probe that told nothing about the dependency (it failed for another reason): let the next one try. */
  inconclusive(): void {
    this.probing = false;
  }
}
