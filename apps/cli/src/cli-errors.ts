/** The command was used wrongly (a missing option, a bad file): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The work was done but part of it failed (e.g. rows an import refused): exit code 1, already reported. */
export class PartialFailure extends Error {
  override readonly name = 'PartialFailure';
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
