/**
 * Deadlines for the gRPC clients of tests and benchmarks (CallDeadlines of
 * @chasqui/grpc). A test waits longer than a service would on a busy CI
 * machine, yet a hung call still ends with DEADLINE_EXCEEDED, not the test's timeout.
 */
export const TEST_DEADLINES = { unaryMs: 60_000, streamIdleMs: 60_000 };

/** A benchmark's RunCycle over a million invoices is one long unary call. */
export const BENCH_DEADLINES = { unaryMs: 3_600_000, streamIdleMs: 600_000 };
