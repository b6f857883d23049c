/** Reasons an organisation request can fail (sent as `extensions.reason`). */
export enum OrganisationErrorCode {
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  IATI_IDENTIFIER_TAKEN = 'IATI_IDENTIFIER_TAKEN',
  INVALID_COUNTRY = 'INVALID_COUNTRY',
  /** A filter names an organisation id that does not exist (BAD_USER_INPUT, not NOT_FOUND: the input is wrong). */
  UNKNOWN_ORGANISATION = 'UNKNOWN_ORGANISATION',
}
