/**
 * Prepare for save: the ONE step every writer of a collaboration calls (the
 * record form, New collaboration, the import, the demo generator, a review's
 * outcome). It works out the derived fields from the typed ones and checks the
 * whole record, so a record reads the same whoever wrote it.
 */
import { validateCollaboration, type Collaboration } from './collaboration';
import { COLLABORATION_FIELD_KEYS, fieldSpec } from './fields';
import { directorateToKeep, type Directorate } from './panels';
import { fail, type Result } from './result';
import { nextReviewDue } from './reviewCycle';
import { significanceOf, type SignificanceWeights } from './significance';

export interface PrepareOptions {
  /** The council's name: "the council leads" and the lead organisation agree with it. */
  readonly councilName?: string;
  /**
   * The version the writer started from. The next review is worked out again
   * only when what it depends on changed (or there is no base), so a date the
   * panel set at its review is kept.
   */
  readonly base?: Collaboration;
  /**
   * The writer was given the next review itself (an imported register's own date): it is kept,
   * not worked out again from the frequency.
   */
  readonly nextReviewGiven?: boolean;
  /** The significance policy in force (governancePolicy); the shipped weights when absent. */
  readonly significance?: SignificanceWeights;
  /**
   * The council's directorates (the channel mappings): a directorate written by its Welsh name, or
   * in another case, is kept as the directorate's English name, as the register groups and filters by.
   */
  readonly directorates?: readonly Directorate[];
}

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();

/** Whether a review date follows from the frequency, or is the person's own (fixed date, or none any more). */
function scheduled(record: Pick<Collaboration, 'reviewFrequency' | 'status'>): boolean {
  return record.reviewFrequency !== 'fixedDate' && record.status !== 'closed' && record.status !== 'withdrawing';
}

/**
 * The record with every derived field worked out: optional text left blank is
 * removed; the council leads when the lead organisation is the council (and a
 * council-led record with no lead organisation names the council); the next
 * review from the frequency and the last review (or the start); significance; a known
 * directorate's English name for its Welsh one.
 * (Whether the protocol covers it is not kept on the record: `isInScope(model)`
 * is worked out where it is needed, and stored by the mapper.) Pure; does not validate.
 */
export function deriveFields(input: Collaboration, options: PrepareOptions = {}): Collaboration {
  const record: Collaboration = { ...input };
  const bag = record as Record<string, unknown>;
  for (const key of COLLABORATION_FIELD_KEYS) {
    const spec = fieldSpec(key);
    const v = bag[key];
    if (!spec.required && typeof v === 'string' && v.trim() === '') delete bag[key];
  }
  if (options.directorates && typeof record.directorate === 'string')
    record.directorate = directorateToKeep(record.directorate, options.directorates);
  const council = options.councilName;
  if (council) {
    if (record.councilLeads && (record.leadOrganisation ?? '').trim() === '') record.leadOrganisation = council;
    else if ((record.councilLeads as boolean | undefined) === undefined)
      record.councilLeads = fold(record.leadOrganisation ?? '') === fold(council);
  }
  const base = options.base;
  const scheduleChanged =
    base === undefined ||
    base.reviewFrequency !== record.reviewFrequency ||
    base.lastReviewDate !== record.lastReviewDate ||
    base.startDate !== record.startDate;
  if (scheduled(record) && scheduleChanged && !(options.nextReviewGiven && record.nextReviewDue !== undefined)) {
    const due = nextReviewDue(record.reviewFrequency, {
      lastReviewDate: record.lastReviewDate,
      startDate: record.startDate,
    });
    if (due !== undefined) record.nextReviewDue = due;
  }
  if (record.basis && record.footprint && record.serviceRisk && Array.isArray(record.partnerIds))
    record.significance = significanceOf(record, options.significance).tier;
  return record;
}

/** The record ready to save (derived fields worked out, every rule checked), or every reason it is not. */
export function prepareForSave(input: Collaboration, options: PrepareOptions = {}): Result<Collaboration> {
  if (input === null || typeof input !== 'object') return fail([{ field: 'record', code: 'required' }]);
  const record = deriveFields(input, options);
  return validateCollaboration(record, options.councilName ? { councilName: options.councilName } : {});
}
