import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { parseRequest } from './parse-request';

/** Validates a handler's argument with its schema: INVALID_ARGUMENT naming each bad field, under `code`. */
export class ParseRequestPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly code: string,
  ) {}

  transform(value: unknown): z.infer<S> {
    return parseRequest(this.schema, value, this.code);
  }
}
