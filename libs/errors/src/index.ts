export {
  AlreadyExists,
  DomainError,
  FailedPrecondition,
  InvalidArgument,
  NotFound,
  type DomainErrorKind,
  type FieldViolation,
} from './domain-error';
