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

/** Why an IATI file is refused as a whole (sent as `extensions.reason` with code BAD_USER_INPUT); nothing is then imported. */
export enum IatiImportErrorCode {
  IATI_NOT_WELL_FORMED = 'IATI_NOT_WELL_FORMED',
  IATI_NOT_ACTIVITIES = 'IATI_NOT_ACTIVITIES',
  IATI_UNSUPPORTED_VERSION = 'IATI_UNSUPPORTED_VERSION',
  IATI_NO_FILE = 'IATI_NO_FILE',
  IATI_FILE_TOO_LARGE = 'IATI_FILE_TOO_LARGE',
  UNKNOWN_ORGANISATION = 'UNKNOWN_ORGANISATION',
}

/**
 * Facts of a refusal a client can say in its own words (sent in `extensions` beside the reason):
 * where XML stops being well-formed, the root element or IATI version found, the size limit.
 */
export interface IatiImportErrorDetails {
  line?: number;
  column?: number;
  root?: string;
  version?: string;
  limitBytes?: number;
}

/** A file the import refuses as a whole: the message says what is wrong, for a person. */
export class IatiImportError extends Error {
  override name = 'IatiImportError';

  constructor(
    readonly reason: IatiImportErrorCode,
    message: string,
    readonly details: IatiImportErrorDetails = {},
  ) {
    super(message);
  }
}

/** Why one activity of an imported file is not taken (the report counts and lists them). */
export enum IatiImportSkipReason {
  NOT_KYRGYZSTAN = 'NOT_KYRGYZSTAN',
  NO_IDENTIFIER = 'NO_IDENTIFIER',
  NO_TITLE = 'NO_TITLE',
  TOO_LARGE = 'TOO_LARGE',
  NOT_OF_ORGANISATION = 'NOT_OF_ORGANISATION',
  NOT_YOURS = 'NOT_YOURS',
  DUPLICATE_IN_FILE = 'DUPLICATE_IN_FILE',
}

export const IMPORT_SKIP_MESSAGES: Record<IatiImportSkipReason, string> = {
  NOT_KYRGYZSTAN:
    'Not an activity in Kyrgyzstan: its recipient-country is not KG, or it names no recipient country and none of its locations has a unit code of the hub or a point inside the country.',
  NO_IDENTIFIER: 'The activity has no iati-identifier, so it cannot be matched on a later import.',
  NO_TITLE: 'The activity has no title.',
  TOO_LARGE: 'The activity is larger than the import reads (8 MB of text).',
  NOT_OF_ORGANISATION: 'The organisation the import is for is neither the reporting organisation nor a participating organisation of the activity.',
  NOT_YOURS:
    "Your organisation does not run this activity (it is not its reporting organisation or an ACCOUNTABLE, EXTENDING or IMPLEMENTING participant of it, or of the hub's project).",
  DUPLICATE_IN_FILE: 'An activity with the same iati-identifier came earlier in the file; only the first is imported.',
};

/** Something the import noticed about an activity it took, and what it did about it. */
export enum IatiImportWarning {
  UNMAPPED_SECTOR = 'UNMAPPED_SECTOR',
  PLACED_AT_COUNTRY = 'PLACED_AT_COUNTRY',
  ORGANISATION_CREATED = 'ORGANISATION_CREATED',
  ORGANISATION_WITHOUT_NAME = 'ORGANISATION_WITHOUT_NAME',
  UNKNOWN_STATUS = 'UNKNOWN_STATUS',
  INVALID_DATE = 'INVALID_DATE',
  UNSUPPORTED_TRANSACTION_TYPE = 'UNSUPPORTED_TRANSACTION_TYPE',
  INVALID_VALUE = 'INVALID_VALUE',
  TEXT_IN_OTHER_LANGUAGE = 'TEXT_IN_OTHER_LANGUAGE',
  NOT_NEWER = 'NOT_NEWER',
}
