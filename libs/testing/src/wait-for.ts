/** Polls until `check` holds or the time is up; tests wait on outcomes, never on sleeps. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Waits until `count()` stops changing for `quietMs`, to catch late duplicates. */
export async function settle(count: () => number, quietMs = 3000): Promise<void> {
  let last = count();
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
}
