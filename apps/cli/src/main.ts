#!/usr/bin/env node
import { CommanderError } from 'commander';
import { EXIT, PartialFailure, UsageError } from './cli-errors';
import { CallFailed, describeCallError } from './grpc/call-error';
import { buildProgram } from './program';

/** What a failure prints (one clear line, field violations under it) and its exit code. */
function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander printed it already; help and --version are not failures.
    return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code)
      ? EXIT.ok
      : EXIT.usage;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`chasqui: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof CallFailed) {
    process.stderr.write(`chasqui: ${describeCallError(error)}\n`);
    return EXIT.failure;
  }
  if (error instanceof PartialFailure) {
    process.stderr.write(`chasqui: ${error.message}\n`);
    return EXIT.failure;
  }
  process.stderr.write(`chasqui: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.failure;
}

buildProgram()
  .parseAsync(process.argv)
  .then(
    () => (process.exitCode = EXIT.ok),
    (error: unknown) => (process.exitCode = exitCodeOf(error)),
  );
