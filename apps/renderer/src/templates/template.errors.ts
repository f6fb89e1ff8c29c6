import { InvalidArgument, NotFound, type FieldViolation } from '@chasqui/errors';

export const templateNotFound = (field = 'template_id') =>
  new NotFound('TEMPLATE.NOT_FOUND', field, 'no such template of this tenant');

export const templateInvalid = (violations: FieldViolation[]) => new InvalidArgument('TEMPLATE.INVALID', violations);
