/**
 * The GraphQL error codes a client sees in `extensions.code`. Every feature has its own enum of
 * reasons; a `DomainError` carries one of each, and the server maps it once at the boundary.
 */
export enum ErrorKind {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The hub cannot reach its database now; the same request may succeed in a few seconds. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** An expected failure: the caller can fix it, so the message is written for a person. */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly kind: ErrorKind,
    /** Feature-specific reason, e.g. `INVALID_CURSOR`; clients may branch on it. */
    readonly reason: string,
    message: string,
    /** Path of the offending input field, e.g. `first` or `input.endDate`. */
    readonly field?: string,
  ) {
    super(message);
  }
}
