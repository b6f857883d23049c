/** Reasons a request for the IATI export can fail (sent as `extensions.reason`; an unknown unit is geography's UNKNOWN_UNIT). */
export enum IatiErrorCode {
  UNKNOWN_PARAMETER = 'UNKNOWN_PARAMETER',
  REPEATED_PARAMETER = 'REPEATED_PARAMETER',
  INVALID_DATE_TIME = 'INVALID_DATE_TIME',
  UNKNOWN_ORGANISATION = 'UNKNOWN_ORGANISATION',
}

/** Why a project is left out of the export (the skipped report lists each with its message). */
export enum IatiSkipReason {
  NO_IATI_ORGANISATION = 'NO_IATI_ORGANISATION',
  NO_REPORTING_ORGANISATION = 'NO_REPORTING_ORGANISATION',
  IDENTIFIER_NOT_OF_AN_ORGANISATION = 'IDENTIFIER_NOT_OF_AN_ORGANISATION',
  NO_TITLE = 'NO_TITLE',
  NO_DESCRIPTION = 'NO_DESCRIPTION',
  NO_DATES = 'NO_DATES',
}

export const SKIP_REASON_MESSAGES: Record<IatiSkipReason, string> = {
  NO_IATI_ORGANISATION:
    'None of its organisations has an IATI organisation identifier, so no IATI identifier can be formed for it. Give its funder, accountable or implementing organisation its identifier (Organisation.iatiIdentifier).',
  NO_REPORTING_ORGANISATION:
    'No ACCOUNTABLE or EXTENDING organisation of it has an IATI organisation identifier (only funders or implementers do), and the hub publishes on behalf of others only when IATI_PUBLISHER_REF is set.',
  IDENTIFIER_NOT_OF_AN_ORGANISATION:
    "Its IATI identifier does not start with the IATI organisation identifier of any of its organisations (nor the hub's, IATI_PUBLISHER_REF) followed by a hyphen, as IATI asks of the reporting organisation.",
  NO_TITLE: 'It has no title in any language.',
  NO_DESCRIPTION: 'It has neither a description nor objectives in any language; IATI requires a description.',
  NO_DATES: 'It has no planned dates and no actual date up to today; IATI requires at least one activity date.',
};
