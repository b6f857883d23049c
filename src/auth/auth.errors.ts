/** Reasons a sign-in, user or token request can fail (sent as `extensions.reason`); refusals for who asks are `AccessErrorCode`. */
export enum AuthErrorCode {
  BAD_CREDENTIALS = 'BAD_CREDENTIALS',
  NOT_YOUR_TOKEN = 'NOT_YOUR_TOKEN',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  INVALID_SETUP_TOKEN = 'INVALID_SETUP_TOKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  ORGANISATION_REQUIRED = 'ORGANISATION_REQUIRED',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
}
