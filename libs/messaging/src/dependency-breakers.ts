import { CircuitBreaker, DEFAULT_BREAKER_TIMINGS, type BreakerTimings } from './circuit-breaker';
import type { FailureKind } from './failures';
import type { MessagingMetrics } from './metrics';

/** The breakers a delivery went through: the ones it probes, if their cool-down had just ended. */
export type Admission = { stopped: true } | { stopped: false; probes: CircuitBreaker[] };

/** How often a held delivery looks again (a stop must not wait for a long cool-down). */
const HOLD_SLICE_MS = 250;

/**
 * A consumer's breakers, one per dependency its handler has reported down.
 * While one is open the consumer takes nothing new past its prefetch: the
 * deliveries it holds wait here, unacked, instead of cycling through the
 * retry queues, and the backlog stays in the queue, in order.
 */
export class DependencyBreakers {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly queue: string,
    private readonly metrics?: MessagingMetrics,
    private readonly timings: BreakerTimings = DEFAULT_BREAKER_TIMINGS,
  ) {}

  /** Resolves when this delivery may run (or the consumer is stopping). */
  async admit(stopping: () => boolean): Promise<Admission> {
    for (;;) {
      if (stopping()) return { stopped: true };
      const probes: CircuitBreaker[] = [];
      let waitMs = 0;
      for (const breaker of this.breakers.values()) {
        const admission = breaker.admit();
        if (admission.verdict === 'wait') waitMs = Math.max(waitMs, admission.ms);
        else if (breaker.isOpen) probes.push(breaker);
      }
      if (waitMs === 0) return { stopped: false, probes };
      for (const probe of probes) probe.inconclusive();
      await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, HOLD_SLICE_MS)));
    }
  }

  /** What the delivery's outcome says about its dependencies. */
  settle(admission: Admission, failure?: FailureKind): void {
    if (admission.stopped) return;
    const down = failure?.kind === 'transient' ? failure.dependency : undefined;
    for (const probe of admission.probes) {
      if (!failure) probe.success();
      else if (probe !== this.breakers.get(down ?? '')) probe.inconclusive();
    }
    if (down) this.of(down).failure();
  }

  isOpen(dependency: string): boolean {
    return this.breakers.get(dependency)?.isOpen ?? false;
  }

  private of(dependency: string): CircuitBreaker {
    let breaker = this.breakers.get(dependency);
    if (!breaker) {
      breaker = new CircuitBreaker(this.timings, (open) =>
        this.metrics?.circuitOpen.set({ queue: this.queue, dependency }, open ? 1 : 0),
      );
      this.breakers.set(dependency, breaker);
    }
    return breaker;
  }
}
