import type { Command } from 'commander';
import { Context, type GlobalOptions } from './context';

/**
 * A command's action with its Context (made from the global options, closed
 * after): commander's arguments (the positional ones, then the command's
 * options) follow the context.
 */
export function withContext<A extends unknown[]>(run: (context: Context, ...args: A) => Promise<void>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    const context = new Context(command.optsWithGlobals<GlobalOptions>());
    try {
      await run(context, ...(args.slice(0, -1) as A));
    } finally {
      context.close();
    }
  };
}
