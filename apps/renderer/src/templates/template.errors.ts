import { InvalidArgument, NotFound } from '@chasqui/grpc';
import type { FieldViolation } from '@chasqui/grpc';

export const templateNotFound = (field = 'template_id') =>
  new NotFound('TEMPLATE.NOT_FOUND', field, 'no such template of this tenant');

export const templateInvalid = (violations: FieldViolation[]) => new InvalidArgument('TEMPLATE.INVALID', violations);
