import type { z } from 'zod';
import { InvalidArgument } from './domain-error';

/**
 * Validates a request with its schema; every problem becomes a field violation
 * named as in the proto (snake_case), e.g. `contacts[1].email`.
 */
export function parseRequest<S extends z.ZodType>(schema: S, request: unknown, code: string): z.infer<S> {
  const result = schema.safeParse(request);
  if (result.success) return result.data;
  throw new InvalidArgument(
    code,
    result.error.issues.map((issue) => ({ field: protoPath(issue.path), description: issue.message })),
  );
}

function protoPath(path: PropertyKey[]): string {
  return path
    .map((part) =>
      typeof part === 'number' ? `[${part}]` : `.${String(part).replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}`,
    )
    .join('')
    .replace(/^\./, '');
}
