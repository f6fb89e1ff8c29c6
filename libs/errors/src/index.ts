export {
  AlreadyExists,
  DomainError,
  FailedPrecondition,
  InvalidArgument,
  NotFound,
  Unavailable,
  type DomainErrorKind,
  type FieldViolation,
} from './domain-error';
