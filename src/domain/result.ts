/**
 * Expected failures are values, not thrown strings (STYLE.md, example 8).
 * A DomainError names the field it concerns, a stable code that the message
 * catalogues translate (`errors.<code>`), and the parameters the message needs.
 */
export interface DomainError {
  readonly field: string;
  readonly code: ErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Every error code; the catalogues hold a message for each (`errors.<code>`). */
export const ERROR_CODES = [
  'required',
  'tooLong',
  'invalidDate',
  'heldOnAfterToday',
  'invalidNumber',
  'negative',
  'invalidChoice',
  'invalidReference',
  'invalidUrl',
  'endBeforeStart',
  'contributionExceedsCost',
  'councilLeadMismatch',
  'duplicatePartner',
  'transitionNotAllowed',
  'transitionNeedsEndDate',
  'transitionNeedsExitNote',
  'transitionNeedsDecision',
  'reviewDateRequired',
  'outOfRange',
  'notApplicableNotAllowed',
  'wrongAnswerKind',
  'templateHasNoQuestions',
  'unknownQuestion',
  'unknownSection',
  'duplicateKey',
  'decisionNoteRequired',
  'formulaNotAllowed',
  'partnerProposed',
  'partnerSuggested',
  'personNotFound',
  'notInFile',
  'sameNameInRegister',
  'similarNameInRegister',
  'fileEmpty',
  'fileTooLarge',
  'fileNoColumns',
  'fileUnreadable',
  'letterLost',
  'actionsRequired',
  'reviewFrozen',
  'ownerNotSiteUser',
  'tierOrder',
  'bandRepeated',
  'cadenceOrder',
  'assuranceReasonRequired',
  'notAssuranceCheck',
  'notSubmitted',
  'assuranceAlreadyGiven',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Result<T, E = DomainError[]> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

export function err(field: string, code: ErrorCode, params?: Record<string, string | number>): DomainError {
  return params === undefined ? { field, code } : { field, code, params };
}
