/** What kind of failure a domain error is; each maps to one canonical gRPC code. */
export type DomainErrorKind =
  'invalid_argument' | 'not_found' | 'already_exists' | 'failed_precondition' | 'unavailable';

export interface FieldViolation {
  /** The proto field name, e.g. `total_minor` or `contacts[0].email`. */
  field: string;
  description: string;
}

/** A failure the caller can act on, with a stable code (e.g. INVOICE.DUE_BEFORE_ISSUE). */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly code: string,
    message: string,
    readonly violations: FieldViolation[] = [],
  ) {
    super(message);
  }
}

export class InvalidArgument extends DomainError {
  readonly kind = 'invalid_argument';
  constructor(code: string, violations: FieldViolation[]) {
    super(code, violations.map((v) => `${v.field}: ${v.description}`).join('; '), violations);
  }
}

export class NotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(code: string, field: string, description: string) {
    super(code, `${field}: ${description}`, [{ field, description }]);
  }
}

export class AlreadyExists extends DomainError {
  readonly kind = 'already_exists';
  constructor(code: string, field: string, description: string) {
    super(code, `${field}: ${description}`, [{ field, description }]);
  }
}

export class FailedPrecondition extends DomainError {
  readonly kind = 'failed_precondition';
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** A service this one depends on could not answer (down, too slow): nothing was done, the caller may try again. */
export class Unavailable extends DomainError {
  readonly kind = 'unavailable';
  constructor(code: string, message: string) {
    super(code, message);
  }
}
