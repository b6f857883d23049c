/** Reasons a geography request can fail (sent as `extensions.reason`). */
export enum GeographyErrorCode {
  UNIT_NOT_FOUND = 'UNIT_NOT_FOUND',
  UNKNOWN_UNIT = 'UNKNOWN_UNIT',
  NO_FLAGS_GIVEN = 'NO_FLAGS_GIVEN',
}
