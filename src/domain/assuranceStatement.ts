/**
 * The annual assurance statement: once a year each directorate's Head of Service (or chief
 * officer) confirms that the directorate's part of the register is complete and correct, or
 * says why it is not yet. Which directorates must confirm, and who is expected to, follows
 * from the records current in the financial year; who has confirmed follows from the stored
 * statements. Pure: the tab and the annual report read the same overview.
 */
import { z } from 'zod';
import type { Collaboration, Person } from './collaboration';
import { isCurrentIn } from './compendium';
import { isoDateSchema, personSchema } from './fields';
import type { IsoDate } from './dates';
import { financialYear } from './reports';
import { err, type DomainError, type Result } from './result';

/** A comment's limit, in characters (as the report narratives'). */
export const STATEMENT_COMMENT_MAX_LENGTH = 10_000;

export const assuranceStatementSchema = z.object({
  /** `statement-2025-economy-and-environment` (unique: one statement per directorate and year). */
  key: z.string().min(1),
  /** The start year of the financial year (2025 is 2025–26). */
  year: z.number().int(),
  directorate: z.string().min(1),
  confirmedBy: personSchema,
  confirmedOn: isoDateSchema,
  /** Yes: complete and correct; no: not yet, see the comment. */
  complete: z.boolean(),
  comment: z.string().optional(),
});
export type AssuranceStatement = z.infer<typeof assuranceStatementSchema>;

const norm = (s: string) => s.trim().toLocaleLowerCase('en-GB');

/** "Economy and Environment" → `economy-and-environment`: the same for any spelling of case and spaces. */
export function directorateSlug(directorate: string): string {
  return (
    norm(directorate)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'directorate'
  );
}

export function statementKey(year: number, directorate: string): string {
  return `statement-${year}-${directorateSlug(directorate)}`;
}

function samePerson(a: Pick<Person, 'id' | 'email'>, b: Pick<Person, 'id' | 'email'>): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return !!a.email && !!b.email && a.email.toLowerCase() === b.email.toLowerCase();
}

/** One directorate's line for a year: who should confirm, and the statement if there is one. */
export interface DirectorateAssurance {
  readonly directorate: string;
  readonly key: string;
  /** The Heads of Service named on the directorate's records current in the year, by name. */
  readonly expected: readonly Person[];
  /** How many of its records are current in the year. */
  readonly records: number;
  readonly statement?: AssuranceStatement;
}

export interface AssuranceOverview {
  readonly year: number;
  /** Every directorate that must confirm, by name. */
  readonly directorates: readonly DirectorateAssurance[];
  readonly confirmed: readonly DirectorateAssurance[];
  /** No statement yet, or one that says "not yet". */
  readonly outstanding: readonly DirectorateAssurance[];
}

export type AssuranceRecord = Pick<Collaboration, 'directorate' | 'headOfService' | 'startDate' | 'endDate'>;

/**
 * The year's directorates from the records current in it (started by 31 March, not ended before
 * 1 April), each with its Heads of Service and the stored statement for that year, if any. A
 * statement that says "not yet" leaves the directorate outstanding: it has answered, not assured.
 */
export function assuranceOverview(
  year: number,
  records: readonly AssuranceRecord[],
  statements: readonly AssuranceStatement[],
): AssuranceOverview {
  const period = financialYear(year);
  const byKey = new Map<string, { directorate: string; expected: Person[]; records: number }>();
  for (const r of records) {
    const name = r.directorate.trim();
    if (name === '' || !isCurrentIn(r, { periodStart: period.from, periodEnd: period.to })) continue;
    const key = statementKey(year, name);
    const line = byKey.get(key) ?? { directorate: name, expected: [], records: 0 };
    line.records += 1;
    const head = r.headOfService;
    if (head && !line.expected.some((p) => samePerson(p, head))) line.expected.push(head);
    byKey.set(key, line);
  }
  const stored = new Map(statements.filter((s) => s.year === year).map((s) => [s.key, s]));
  const directorates = [...byKey.entries()]
    .map(([key, line]) => {
      const statement = stored.get(key);
      return {
        directorate: line.directorate,
        key,
        expected: [...line.expected].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB')),
        records: line.records,
        ...(statement ? { statement } : {}),
      };
    })
    .sort((a, b) => a.directorate.localeCompare(b.directorate, 'en-GB'));
  return {
    year,
    directorates,
    confirmed: directorates.filter((d) => d.statement?.complete === true),
    outstanding: directorates.filter((d) => d.statement?.complete !== true),
  };
}

/** The directorates `person` answers for in the year: those where they head a current record. */
export function directoratesAnsweredBy(
  overview: AssuranceOverview,
  person: Pick<Person, 'id' | 'email'> | undefined,
): DirectorateAssurance[] {
  if (!person) return [];
  return overview.directorates.filter((d) => d.expected.some((p) => samePerson(p, person)));
}

/** Whether `person` is the Head of Service of at least one record of `directorate` (any year). */
export function headsDirectorate(
  records: readonly Pick<Collaboration, 'directorate' | 'headOfService'>[],
  directorate: string,
  person: Pick<Person, 'id' | 'email'> | undefined,
): boolean {
  if (!person) return false;
  const wanted = norm(directorate);
  return records.some(
    (r) => norm(r.directorate) === wanted && !!r.headOfService && samePerson(r.headOfService, person),
  );
}

export interface StatementInput {
  readonly year: number;
  readonly directorate: string;
  readonly confirmedBy: Person;
  readonly confirmedOn: IsoDate;
  readonly complete: boolean;
  readonly comment?: string;
}

/**
 * A statement ready to save: its key from the year and directorate, the comment trimmed (line
 * breaks inside kept) and left out when empty; or why not: a "not yet" needs a comment saying
 * what is missing, and a comment is kept to its limit.
 */
export function checkStatement(input: StatementInput): Result<AssuranceStatement> {
  const errors: DomainError[] = [];
  const directorate = input.directorate.trim();
  if (!directorate) errors.push(err('directorate', 'required'));
  const comment = input.comment?.replace(/\r\n?/g, '\n').trim() ?? '';
  if (!input.complete && comment === '') errors.push(err('comment', 'required'));
  if ([...comment].length > STATEMENT_COMMENT_MAX_LENGTH) {
    errors.push(err('comment', 'tooLong', { max: STATEMENT_COMMENT_MAX_LENGTH }));
  }
  if (errors.length > 0) return { ok: false, error: errors };
  return {
    ok: true,
    value: {
      key: statementKey(input.year, directorate),
      year: input.year,
      directorate,
      confirmedBy: input.confirmedBy,
      confirmedOn: input.confirmedOn,
      complete: input.complete,
      ...(comment ? { comment } : {}),
    },
  };
}
