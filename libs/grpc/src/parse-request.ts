import type { z } from 'zod';
import { InvalidArgument } from '@chasqui/errors';

/**
 * Validates a request with its schema; every problem becomes a field violation
 * named as in the proto (snake_case), e.g. `contacts[1].email`.
 */
export function parseRequest<S extends z.ZodType>(schema: S, request: unknown, code: string): z.infer<S> {
  // PostgreSQL text cannot hold NUL: refuse it here, for every field, rather than fail at the database.
  const withNul = nulFields(request, []);
  if (withNul.length > 0) {
    throw new InvalidArgument(
      code,
      withNul.map((path) => ({ field: protoPath(path), description: 'must not contain NUL characters' })),
    );
  }
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

function nulFields(value: unknown, path: PropertyKey[]): PropertyKey[][] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulFields(item, [...path, i]));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.entries(value).flatMap(([key, item]) => nulFields(item, [...path, key]));
  }
  return [];
}
