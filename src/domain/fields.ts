/**
 * The field catalogue: every field of a collaboration record declared ONCE.
 *
 * From an entry derive: the record's zod schema and TypeScript type (below), the
 * SharePoint column (src/data/schema maps each entry to a column, by default
 * `PascalCase(key)` of the kind's column type), the list mapper, the record form
 * (its section) and New collaboration (its steps choose sections), the import's
 * fields, synonyms and choice lists, the register and compendium exports, the
 * value formatting of version history and frozen review snapshots, and the
 * labels (`fields.<key>` in the message catalogues: the only copy of a label).
 *
 * A new plain field needs its entry here, its column only where it has no
 * default mapping, and its two labels (en-GB and cy-GB).
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from './dates';
import {
  ASSURANCE_LEVELS,
  BASES,
  FOOTPRINTS,
  KINDS,
  MODELS,
  RAGS,
  REASONS,
  REVIEW_FREQUENCIES,
  RISK_LEVELS,
  SIGNIFICANCE_TIERS,
  STATUSES,
} from './vocabulary';

/** A person as the register knows them: a site user. */
export const personSchema = z.object({
  id: z.number().int().positive(),
  displayName: z.string(),
  email: z.string().optional(),
});
export type Person = z.infer<typeof personSchema>;

export const isoDateSchema = z.custom<IsoDate>((v) => isIsoDate(v), { message: 'invalidDate' });

/** Limits that SharePoint's column types impose (single line of text: 255). */
export const LIMITS = { title: 255, shortText: 255, note: 10_000 } as const;

export type FieldKind =
  'text' | 'note' | 'choice' | 'multiChoice' | 'yesNo' | 'partners' | 'person' | 'date' | 'money' | 'number';

/** Where a field sits on the record form (and which step of New collaboration asks for it). */
export type FormSection = 'what' | 'partners' | 'people' | 'lifecycle' | 'money' | 'governance';

/**
 * typed: a person enters it; derived: worked out by `prepareForSave` (or, for
 * the assessment columns, by submitting an assessment); system: given by the
 * register itself (the reference, the import key).
 */
export type FieldSource = 'typed' | 'derived' | 'system';

/** The vocabulary a choice field draws on: its codes, and its message catalogue set `vocab.<set>`. */
export const CHOICE_SETS = {
  kind: KINDS,
  model: MODELS,
  reason: REASONS,
  basis: BASES,
  footprint: FOOTPRINTS,
  status: STATUSES,
  reviewFrequency: REVIEW_FREQUENCIES,
  risk: RISK_LEVELS,
  significance: SIGNIFICANCE_TIERS,
  rag: RAGS,
  assurance: ASSURANCE_LEVELS,
} as const;
export type ChoiceSetName = keyof typeof CHOICE_SETS;

export interface FieldSpec {
  readonly kind: FieldKind;
  /** Choice and multi-choice fields: the vocabulary. */
  readonly set?: ChoiceSetName;
  readonly required: boolean;
  /** Text: the longest value SharePoint's column takes. */
  readonly maxLength?: number;
  /** The record form's section; absent: not on the form. */
  readonly section?: FormSection;
  readonly source: FieldSource;
  /** Written in Welsh (the form marks it `lang="cy"`). */
  readonly welsh?: boolean;
  /** The import reads it, with these words for its column beyond its labels. */
  readonly import?: { readonly synonyms: readonly string[] };
  /** Shown in a decided review's snapshot of what the panel saw. */
  readonly snapshot?: boolean;
  /** Where it is exported: the register's view export, the compendium, or both. */
  readonly export?: 'register' | 'compendium' | 'both';
}

type Options = Omit<FieldSpec, 'kind' | 'set' | 'required' | 'source'> & { readonly source?: FieldSource };

function entry<K extends FieldKind, S extends z.ZodType, O extends Options>(kind: K, schema: S, options: O) {
  return { kind, schema, required: true as const, source: 'typed' as FieldSource, ...options };
}

function choiceEntry<
  K extends 'choice' | 'multiChoice',
  N extends ChoiceSetName,
  S extends z.ZodType,
  O extends Options,
>(kind: K, set: N, schema: S, options: O) {
  return { ...entry(kind, schema, options), set };
}

/** Each constructor gives a required field; `optional(...)` makes it optional. */
const f = {
  text: <O extends Options>(o: O) => entry('text', z.string(), { maxLength: LIMITS.shortText, ...o }),
  note: <O extends Options>(o: O) => entry('note', z.string(), { maxLength: LIMITS.note, ...o }),
  choice: <N extends ChoiceSetName, O extends Options>(set: N, o: O) =>
    choiceEntry('choice', set, z.enum(CHOICE_SETS[set]), o),
  multiChoice: <N extends ChoiceSetName, O extends Options>(set: N, o: O) =>
    choiceEntry('multiChoice', set, z.array(z.enum(CHOICE_SETS[set])), o),
  yesNo: <O extends Options>(o: O) => entry('yesNo', z.boolean(), o),
  partners: <O extends Options>(o: O) => entry('partners', z.array(z.number().int().positive()), o),
  person: <O extends Options>(o: O) => entry('person', personSchema, o),
  date: <O extends Options>(o: O) => entry('date', isoDateSchema, o),
  money: <O extends Options>(o: O) => entry('money', z.number(), o),
  number: <O extends Options>(o: O) => entry('number', z.number(), o),
};

function optional<E extends { readonly schema: z.ZodType }>(
  e: E,
): Omit<E, 'schema' | 'required'> & { readonly required: false; readonly schema: z.ZodOptional<E['schema']> } {
  return { ...e, required: false, schema: e.schema.optional() };
}

const both = 'both' as const;

/** The collaboration record, field by field, in the order SharePoint's list holds its columns. */
export const COLLABORATION_FIELDS = {
  reference: f.text({
    snapshot: true,
    source: 'system',
    section: 'what',
    export: both,
    import: {
      synonyms: [
        'ref',
        'ref no',
        'reference number',
        'id',
        'ref id',
        'cyf',
        'cyfeirnod',
        'rhif',
        'rhif cyfeirnod',
        'unique id',
      ],
    },
  }),
  title: f.text({
    snapshot: true,
    section: 'what',
    maxLength: LIMITS.title,
    export: both,
    import: {
      synonyms: [
        'name',
        'title',
        'collaboration',
        'partnership',
        'collaboration name',
        'partnership name',
        'name of collaboration',
        'enw',
        'teitl',
        "enw'r cydweithrediad",
        "enw'r bartneriaeth",
      ],
    },
  }),
  titleCy: optional(
    f.text({
      section: 'what',
      welsh: true,
      export: both,
      import: { synonyms: ['welsh name', 'name welsh', 'name cy', 'enw cymraeg'] },
    }),
  ),
  /** The council's own reference for it (P001, CP/12), as its register had it: shown and searchable. */
  councilReference: optional(
    f.text({
      section: 'what',
      maxLength: LIMITS.shortText,
      export: both,
      import: {
        synonyms: ['council reference', 'our reference', 'local reference', 'cyfeirnod y cyngor', 'cyfeirnod lleol'],
      },
    }),
  ),
  kind: f.choice('kind', {
    snapshot: true,
    section: 'what',
    export: both,
    import: { synonyms: ['type', 'kind', 'formal partnership or collaboration', 'math'] },
  }),
  model: f.choice('model', {
    snapshot: true,
    section: 'what',
    export: both,
    import: { synonyms: ['model', 'legal model', 'governance model', 'delivery model', 'model cyfreithiol'] },
  }),
  purpose: f.note({
    section: 'what',
    export: 'compendium',
    import: { synonyms: ['purpose', 'description', 'aims', 'objectives', 'summary', 'diben', 'disgrifiad', 'nodau'] },
  }),
  outcomes: optional(
    f.note({
      section: 'what',
      export: 'compendium',
      import: { synonyms: ['outcomes', 'expected outcomes', 'benefits', 'canlyniadau'] },
    }),
  ),
  reasons: f.multiChoice('reason', {
    section: 'what',
    export: 'compendium',
    import: { synonyms: ['reasons', 'reason', 'why', 'rhesymau'] },
  }),
  basis: f.choice('basis', {
    section: 'partners',
    export: both,
    import: { synonyms: ['basis', 'statutory or good practice', 'statutory', 'funding basis', 'sail'] },
  }),
  footprint: f.choice('footprint', {
    section: 'partners',
    export: both,
    import: {
      synonyms: ['footprint', 'geography', 'area covered', 'geographical footprint', 'ôl troed', 'ardal'],
    },
  }),
  leadOrganisation: f.text({
    snapshot: true,
    section: 'partners',
    export: both,
    import: {
      synonyms: [
        'lead organisation',
        'lead body',
        'lead authority',
        'lead org',
        'host',
        'host organisation',
        'sefydliad arweiniol',
        'corff arweiniol',
      ],
    },
  }),
  councilLeads: f.yesNo({
    section: 'partners',
    export: both,
    import: {
      synonyms: [
        'council leads',
        'council lead',
        'we lead',
        'lead by council',
        'is the council lead',
        'y cyngor yn arwain',
      ],
    },
  }),
  partnerIds: f.partners({
    section: 'partners',
    export: both,
    import: {
      synonyms: [
        'partners',
        'partner',
        'partner organisations',
        'partner organizations',
        'partner bodies',
        'partneriaid',
        'sefydliadau partner',
      ],
    },
  }),
  serviceArea: optional(
    f.text({
      section: 'people',
      export: both,
      import: { synonyms: ['service', 'service area', 'maes gwasanaeth', 'gwasanaeth'] },
    }),
  ),
  directorate: f.text({
    snapshot: true,
    section: 'people',
    export: both,
    import: { synonyms: ['directorate', 'department', 'dept', 'cyfarwyddiaeth', 'adran'] },
  }),
  leadOfficer: optional(
    f.person({
      snapshot: true,
      section: 'people',
      export: both,
      import: {
        synonyms: [
          'lead officer',
          'officer',
          'contact',
          'lead contact',
          'responsible officer',
          'swyddog arweiniol',
          'swyddog',
        ],
      },
    }),
  ),
  headOfService: optional(
    f.person({
      snapshot: true,
      section: 'people',
      export: both,
      import: { synonyms: ['head of service', 'hos', 'pennaeth gwasanaeth'] },
    }),
  ),
  status: f.choice('status', {
    snapshot: true,
    section: 'lifecycle',
    export: both,
    import: { synonyms: ['status', 'current status', 'state', 'statws'] },
  }),
  startDate: optional(
    f.date({
      section: 'lifecycle',
      export: both,
      import: { synonyms: ['start', 'start date', 'date started', 'commenced', 'dyddiad dechrau'] },
    }),
  ),
  endDate: optional(
    f.date({
      section: 'lifecycle',
      export: both,
      import: {
        synonyms: ['end', 'end date', 'date ended', 'expiry', 'expiry date', 'dyddiad gorffen', 'dyddiad dod i ben'],
      },
    }),
  ),
  reviewFrequency: f.choice('reviewFrequency', {
    snapshot: true,
    section: 'lifecycle',
    export: both,
    import: { synonyms: ['review frequency', 'frequency', 'review cycle', 'amlder adolygu'] },
  }),
  lastReviewDate: optional(
    f.date({
      snapshot: true,
      section: 'lifecycle',
      export: both,
      import: {
        synonyms: [
          'last review',
          'last reviewed',
          'date of last review',
          'last review date',
          'adolygiad diwethaf',
          'dyddiad yr adolygiad diwethaf',
        ],
      },
    }),
  ),
  nextReviewDue: optional(
    f.date({
      snapshot: true,
      // Derived from the frequency and the last review, except on a fixed-date cycle (prepareForSave).
      source: 'derived',
      section: 'lifecycle',
      export: both,
      import: {
        synonyms: [
          'next review',
          'next review date',
          'review date',
          'review due',
          'next review due',
          'adolygiad nesaf',
          'dyddiad adolygu',
        ],
      },
    }),
  ),
  annualCost: optional(
    f.money({
      snapshot: true,
      section: 'money',
      export: both,
      import: {
        synonyms: [
          'annual cost',
          'cost',
          'total cost',
          'annual budget',
          'budget',
          'value',
          'cost flynyddol',
          'cyllideb',
        ],
      },
    }),
  ),
  councilContribution: optional(
    f.money({
      snapshot: true,
      section: 'money',
      export: both,
      import: {
        synonyms: [
          'council contribution',
          'our contribution',
          'contribution',
          'council cost',
          'cyfraniad',
          'cyfraniad y cyngor',
        ],
      },
    }),
  ),
  serviceRisk: f.choice('risk', {
    section: 'money',
    export: 'compendium',
    import: { synonyms: ['risk', 'service risk', 'risk level', 'risg'] },
  }),
  significance: optional(
    f.choice('significance', {
      source: 'derived',
      section: 'money',
      export: both,
      import: { synonyms: ['significance', 'priority', 'arwyddocâd'] },
    }),
  ),
  scrutiny: optional(
    f.note({
      section: 'governance',
      export: 'compendium',
      import: { synonyms: ['scrutiny', 'scrutiny arrangements', 'craffu'] },
    }),
  ),
  disputeResolution: optional(
    f.note({
      section: 'governance',
      export: 'compendium',
      import: { synonyms: ['dispute resolution', 'disputes', 'datrys anghydfod'] },
    }),
  ),
  exitStrategy: optional(
    f.note({
      section: 'governance',
      export: 'compendium',
      import: { synonyms: ['exit strategy', 'exit', 'exit arrangements', 'strategaeth ymadael'] },
    }),
  ),
  exitNote: optional(
    f.note({
      snapshot: true,
      section: 'lifecycle',
      export: 'compendium',
      import: { synonyms: ['exit note', 'withdrawal note', 'nodyn ymadael'] },
    }),
  ),
  panel: optional(
    f.text({
      section: 'people',
      export: both,
      import: { synonyms: ['panel', 'review panel', 'reviewing body', 'panel adolygu'] },
    }),
  ),
  // The assurance level the last panel review or governance check gave, why, and when (recordReviewOutcome).
  assuranceLevel: optional(
    f.choice('assurance', {
      snapshot: true,
      source: 'derived',
      section: 'governance',
      export: both,
      import: { synonyms: ['assurance', 'assurance level', 'assurance rating', 'governance rating', 'lefel sicrwydd'] },
    }),
  ),
  assuranceReason: optional(
    f.note({
      source: 'derived',
      section: 'governance',
      export: both,
      import: { synonyms: ['assurance reason', 'assurance comment', 'rheswm sicrwydd'] },
    }),
  ),
  assuranceDate: optional(
    f.date({
      source: 'derived',
      section: 'governance',
      export: both,
      import: { synonyms: ['assurance date', 'date of assurance', 'dyddiad sicrwydd'] },
    }),
  ),
  lastAssessmentRag: optional(f.choice('rag', { source: 'derived', export: 'register' })),
  lastAssessmentScore: optional(f.number({ source: 'derived', export: 'register' })),
  // The stable key of the row an import created it from, so a rerun finds it (never shown).
  importKey: optional(f.text({ source: 'system' })),
  leadMember: optional(
    f.person({
      snapshot: true,
      section: 'people',
      export: both,
      import: { synonyms: ['lead member', 'cabinet member', 'aelod arweiniol', 'portfolio holder', 'aelod cabinet'] },
    }),
  ),
} as const;

export type CollaborationField = keyof typeof COLLABORATION_FIELDS;
export const COLLABORATION_FIELD_KEYS = Object.keys(COLLABORATION_FIELDS) as CollaborationField[];

/** The catalogue's entry of a field, as plain data (without its zod schema). */
export function fieldSpec(key: CollaborationField): FieldSpec {
  return COLLABORATION_FIELDS[key];
}

type Fields = typeof COLLABORATION_FIELDS;
/** The fields the import reads. */
export type ImportableField = {
  [K in CollaborationField]: Fields[K] extends { readonly import: object } ? K : never;
}[CollaborationField];
/** The fields with a choice set. */
export type ChoiceFieldKey = {
  [K in CollaborationField]: Fields[K] extends { readonly kind: 'choice' | 'multiChoice' } ? K : never;
}[CollaborationField];

type Shape = { -readonly [K in CollaborationField]: (typeof COLLABORATION_FIELDS)[K]['schema'] };

function shapeOf(): Shape {
  const shape = {} as Record<string, z.ZodType>;
  for (const key of COLLABORATION_FIELD_KEYS) shape[key] = COLLABORATION_FIELDS[key].schema;
  return shape as Shape;
}

/**
 * The collaboration record's shape, derived from the catalogue: the single
 * definition of the record; `validateCollaboration` adds the rules that span
 * fields and reports every problem at once.
 */
export const collaborationSchema = z.object({
  /** SharePoint item id; absent until saved. */
  id: z.number().int().positive().optional(),
  ...shapeOf(),
});
export type Collaboration = z.infer<typeof collaborationSchema>;

/** The fields of a kind, in catalogue order. */
export function fieldsOfKind<K extends FieldKind>(...kinds: K[]): CollaborationField[] {
  return COLLABORATION_FIELD_KEYS.filter((k) => (kinds as FieldKind[]).includes(COLLABORATION_FIELDS[k].kind));
}

/** The fields of a form section, in catalogue order. */
export function fieldsOfSection(section: FormSection): CollaborationField[] {
  return COLLABORATION_FIELD_KEYS.filter((k) => fieldSpec(k).section === section);
}

/** The fields a decided review's snapshot shows, in catalogue order. */
export function snapshotFields(): CollaborationField[] {
  return COLLABORATION_FIELD_KEYS.filter((k) => fieldSpec(k).snapshot === true);
}

/** The fields exported to the register's view export or the compendium. */
export function exportedFields(where: 'register' | 'compendium'): CollaborationField[] {
  return COLLABORATION_FIELD_KEYS.filter((k) => {
    const e = fieldSpec(k).export;
    return e === 'both' || e === where;
  });
}

/** A field's value as data, for exports, version history and frozen snapshots (translated by the caller). */
export type FieldValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'choice'; readonly set: ChoiceSetName; readonly codes: readonly string[] }
  | { readonly kind: 'yesNo'; readonly value: boolean }
  | { readonly kind: 'date'; readonly date: IsoDate }
  | { readonly kind: 'money' | 'number'; readonly value: number }
  | { readonly kind: 'person'; readonly name: string; readonly email?: string }
  | { readonly kind: 'partners'; readonly ids: readonly number[] };

/** What a record holds in one field, by the field's kind. */
export function fieldValue(record: Partial<Collaboration>, key: CollaborationField): FieldValue {
  const spec = fieldSpec(key);
  const raw = record[key] as unknown;
  if (raw === undefined || raw === null || raw === '') return { kind: 'empty' };
  switch (spec.kind) {
    case 'text':
    case 'note':
      return typeof raw === 'string' ? { kind: 'text', text: raw } : { kind: 'empty' };
    case 'choice':
      return typeof raw === 'string' ? { kind: 'choice', set: spec.set!, codes: [raw] } : { kind: 'empty' };
    case 'multiChoice':
      return Array.isArray(raw) && raw.length > 0
        ? { kind: 'choice', set: spec.set!, codes: raw.map(String) }
        : { kind: 'empty' };
    case 'yesNo':
      return { kind: 'yesNo', value: raw === true };
    case 'date':
      return { kind: 'date', date: raw as IsoDate };
    case 'money':
    case 'number':
      return typeof raw === 'number' ? { kind: spec.kind, value: raw } : { kind: 'empty' };
    case 'person':
      return (raw as Person).email
        ? { kind: 'person', name: (raw as Person).displayName, email: (raw as Person).email! }
        : { kind: 'person', name: (raw as Person).displayName };
    case 'partners':
      return Array.isArray(raw) && raw.length > 0 ? { kind: 'partners', ids: raw as number[] } : { kind: 'empty' };
  }
}
