/** Reasons a theme request can fail (sent as `extensions.reason`). */
export enum ThemeErrorCode {
  UNKNOWN_THEME = 'UNKNOWN_THEME',
  THEME_NOT_FOUND = 'THEME_NOT_FOUND',
  INVALID_THEME_CODE = 'INVALID_THEME_CODE',
  THEME_CODE_TAKEN = 'THEME_CODE_TAKEN',
  INVALID_DAC_CODE = 'INVALID_DAC_CODE',
  /** Five digits, but not an active code of the IATI Sector codelist. */
  UNKNOWN_DAC_CODE = 'UNKNOWN_DAC_CODE',
}
