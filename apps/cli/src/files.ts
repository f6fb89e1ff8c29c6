import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './cli-errors';

/** A file named on the command line that cannot be read is the caller's to fix: a usage error. */
const unreadable = (file: string, error: unknown) =>
  new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
}

export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch (error) {
    throw unreadable(file, error);
  }
}
