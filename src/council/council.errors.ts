/** Reasons a council request can fail (sent as `extensions.reason`). */
export enum CouncilErrorCode {
  BODY_NOT_FOUND = 'BODY_NOT_FOUND',
  MEMBERSHIP_NOT_FOUND = 'MEMBERSHIP_NOT_FOUND',
  ALREADY_A_MEMBER = 'ALREADY_A_MEMBER',
  MEMBERSHIP_ALREADY_ENDED = 'MEMBERSHIP_ALREADY_ENDED',
}
