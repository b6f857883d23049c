/** Reasons an export request can be refused (sent as `extensions.reason`). */
export enum ExportErrorCode {
  UNKNOWN_PARAMETER = 'UNKNOWN_PARAMETER',
  REPEATED_PARAMETER = 'REPEATED_PARAMETER',
  INVALID_PARAMETER = 'INVALID_PARAMETER',
  CONFLICTING_PARAMETERS = 'CONFLICTING_PARAMETERS',
}
