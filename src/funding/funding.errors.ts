/** Reasons a funding request can fail (sent as `extensions.reason`). */
export enum FundingErrorCode {
  REPORTING_CURRENCY_RATE = 'REPORTING_CURRENCY_RATE',
}
