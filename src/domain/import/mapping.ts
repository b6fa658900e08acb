/**
 * Which of a file's columns holds which field of the record: the fields an
 * import can fill, the words councils use for them in English and Welsh, and
 * a suggested mapping from a file's headers. The catalogues' labels are
 * passed in as data (the domain does not read the message catalogues).
 */
import {
  CHOICE_SETS,
  COLLABORATION_FIELD_KEYS,
  fieldSpec,
  type ChoiceFieldKey,
  type ChoiceSetName,
  type CollaborationField,
  type ImportableField,
} from '../fields';
import { fold } from './parse';

/** The import's name of a field where it is not the catalogue's (a file's "partners" are names, not ids). */
const IMPORT_NAMES = { partnerIds: 'partners' } as const;
type Renamed = keyof typeof IMPORT_NAMES;

/** A field an import can fill, by the import's name for it. */
export type ImportField = Exclude<ImportableField, Renamed> | (typeof IMPORT_NAMES)[Renamed];

/** The catalogue's field behind an import field. */
export function catalogueFieldOf(field: ImportField): CollaborationField {
  return field === 'partners' ? 'partnerIds' : field;
}

/** The import field of a catalogue field, if the import reads it. */
export function importFieldOf(key: CollaborationField): ImportField | undefined {
  if (!fieldSpec(key).import) return undefined;
  return (key in IMPORT_NAMES ? IMPORT_NAMES[key as Renamed] : key) as ImportField;
}

/** Every field an import can fill, in the catalogue's order (the reference first: it identifies a row). */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'reference',
  ...COLLABORATION_FIELD_KEYS.filter((k) => k !== 'reference')
    .map(importFieldOf)
    .filter((f): f is ImportField => f !== undefined),
];

/** The message catalogue key of an import field's label: the field's own label, but the reference's wider one. */
export function importFieldLabelKey(field: ImportField): string {
  return field === 'reference' ? 'transfer.identifierField' : `fields.${catalogueFieldOf(field)}`;
}

/** An import field with a choice set. */
export type ChoiceField = Extract<ImportField, ChoiceFieldKey>;

/** The choice sets an import reads, by the catalogue's vocabulary name. */
export const CHOICE_FIELDS = Object.fromEntries(
  IMPORT_FIELDS.flatMap((f) => {
    const set = fieldSpec(catalogueFieldOf(f)).set;
    return set ? [[f, [set, CHOICE_SETS[set]]]] : [];
  }),
) as unknown as Readonly<Record<ChoiceField, readonly [ChoiceSetName, readonly string[]]>>;

/** Words for each field and each choice, in both languages. */
export interface ImportVocabulary {
  readonly fields: Readonly<Record<ImportField, readonly string[]>>;
  readonly choices: Readonly<Record<ChoiceField, Readonly<Record<string, readonly string[]>>>>;
}

/** The usual names of choices in councils' registers. */
const CHOICE_SYNONYMS: Readonly<Record<ChoiceField, Readonly<Record<string, readonly string[]>>>> = {
  kind: {
    formalPartnership: ['partnership', 'formal', 'partneriaeth'],
    collaboration: ['collab', 'collaborative', 'cydweithio'],
  },
  model: {
    delegationOfFunctions: [
      'delegation',
      'delegated',
      'delegated function',
      'delegated functions',
      'delegated service',
      'dirprwyo',
    ],
    jointCommittee: [
      'joint committee',
      'jc',
      'corporate joint committee',
      'cjc',
      'joint board',
      'cyd bwyllgor corfforedig',
    ],
    informalArrangement: [
      'informal',
      'mou',
      'memorandum of understanding',
      'informal partnership',
      'network',
      'anffurfiol',
    ],
    sharedAppointment: ['shared appointment', 'secondment', 'shared post', 'joint appointment', 'secondiad'],
    contractualArrangement: [
      'contract',
      'contractual',
      'sla',
      'service level agreement',
      'commissioned',
      'contract',
      'contractiol',
    ],
    corporateVehicle: [
      'company',
      'joint venture',
      'jv',
      'teckal',
      'teckal company',
      'latc',
      'trading company',
      'cwmni',
      'menter ar y cyd',
    ],
  },
  basis: {
    statutory: ['statute', 'legal requirement', 'required by law', 'mandatory', 'statudol'],
    goodPractice: ['good practice', 'best practice', 'voluntary', 'arfer da'],
    welshGovernmentFunding: [
      'wg funding',
      'wg funded',
      'grant funded',
      'welsh government funding',
      'wg grant',
      'cyllid llywodraeth cymru',
    ],
    localDecision: ['local', 'local choice', 'discretionary', 'lleol'],
  },
  footprint: {
    local: ['county', 'county borough', 'single authority', 'sirol'],
    gwent: ['gwent', 'gwent wide', 'gwent-wide'],
    southEastWales: ['south east wales', 'se wales', 'cardiff capital region', 'ccr', 'de ddwyrain cymru'],
    southWales: ['south wales', 'de cymru'],
    regional: ['region', 'regional', 'rhanbarth'],
    allWales: ['all wales', 'national wales', 'wales', 'pan wales', 'pan-wales', 'cymru', 'cymru gyfan'],
    national: ['uk', 'uk wide', 'uk-wide', 'national', 'england and wales', 'y du'],
  },
  status: {
    proposed: ['planned', 'proposal', 'in development', 'draft', 'pipeline', 'new', 'cynnig', 'arfaethedig'],
    active: ['live', 'ongoing', 'current', 'open', 'in place', 'operational', 'yes', 'byw', 'cyfredol', 'ar waith'],
    underReview: ['review', 'being reviewed', 'in review', 'under review', 'dan adolygiad'],
    reforming: ['reform', 'being reformed', 'restructuring', 'diwygio'],
    withdrawing: ['exiting', 'withdrawal', 'winding down', 'winding up', 'tynnu yn ol'],
    closed: [
      'ended',
      'ceased',
      'complete',
      'completed',
      'finished',
      'terminated',
      'expired',
      'inactive',
      'closed',
      'wedi dod i ben',
      'ar gau',
    ],
  },
  reviewFrequency: {
    quarterly: ['quarterly', 'every quarter', '3 monthly', 'three monthly', 'bob chwarter'],
    sixMonthly: ['six monthly', '6 monthly', 'half yearly', 'bi annual', 'biannual', 'twice yearly'],
    annual: ['annually', 'yearly', 'every year', 'once a year', 'bob blwyddyn', 'yn flynyddol'],
    fixedDate: ['fixed date', 'fixed', 'one off', 'dyddiad penodol'],
  },
  serviceRisk: { low: ['l', 'isel'], medium: ['m', 'med', 'moderate', 'canolig'], high: ['h', 'uchel'] },
  significance: { low: ['l'], medium: ['m', 'med'], high: ['h'] },
  assuranceLevel: {
    substantial: ['substantial assurance', 'sylweddol', 'sicrwydd sylweddol', 'full', 'good'],
    reasonable: ['reasonable assurance', 'rhesymol', 'sicrwydd rhesymol', 'adequate', 'satisfactory'],
    limited: ['limited assurance', 'cyfyngedig', 'sicrwydd cyfyngedig', 'partial'],
    none: ['no assurance', 'nil', 'unsatisfactory', 'dim sicrwydd', 'dim'],
  },
  reasons: {},
};

function mergeWords(...sources: (readonly string[] | undefined)[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const src of sources)
    for (const w of src ?? []) {
      const f = fold(w);
      if (f !== '' && !seen.has(f)) {
        seen.add(f);
        out.push(w);
      }
    }
  return out;
}

type CatalogueLike = { readonly [key: string]: unknown };

function labelsAt(catalogue: CatalogueLike, ...path: string[]): Record<string, string> {
  let node: unknown = catalogue;
  for (const p of path) node = node !== null && typeof node === 'object' ? (node as CatalogueLike)[p] : undefined;
  if (node === null || typeof node !== 'object') return {};
  return Object.fromEntries(
    Object.entries(node as CatalogueLike).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * The import's words: the built-in synonyms plus each catalogue's `fields.*`
 * and `vocab.*` labels (pass the English and the Welsh catalogue).
 */
export function importVocabulary(catalogues: readonly CatalogueLike[]): ImportVocabulary {
  const fields = {} as Record<ImportField, readonly string[]>;
  for (const field of IMPORT_FIELDS) {
    const catalogueField = catalogueFieldOf(field);
    fields[field] = mergeWords(
      catalogues.map((c) => labelsAt(c, 'fields')[catalogueField]).filter((x): x is string => x !== undefined),
      fieldSpec(catalogueField).import?.synonyms,
    );
  }
  const choices = {} as Record<ChoiceField, Record<string, readonly string[]>>;
  for (const [field, [vocab, codes]] of Object.entries(CHOICE_FIELDS) as [
    ChoiceField,
    readonly [string, readonly string[]],
  ][]) {
    const set: Record<string, readonly string[]> = {};
    for (const code of codes) {
      set[code] = mergeWords(
        [code],
        catalogues.map((c) => labelsAt(c, 'vocab', vocab)[code]).filter((x): x is string => x !== undefined),
        CHOICE_SYNONYMS[field][code],
      );
    }
    choices[field] = set;
  }
  return { fields, choices };
}

/** Column index → field, or null for "not imported". */
export type ColumnMapping = readonly (ImportField | null)[];

function headerScore(header: string, words: readonly string[]): number {
  const h = fold(header);
  if (h === '') return 0;
  let best = 0;
  for (const w of words) {
    const f = fold(w);
    if (f === '') continue;
    if (f === h) return 1;
    const hw = h.split(' ');
    const fw = f.split(' ');
    // Every word of the synonym in the header, or the reverse ("Lead Officer name").
    const inHeader = fw.every((x) => hw.includes(x));
    const inSynonym = hw.every((x) => fw.includes(x));
    if (inHeader) best = Math.max(best, 0.6 + 0.3 * (fw.length / hw.length));
    else if (inSynonym) best = Math.max(best, 0.5 * (hw.length / fw.length));
  }
  return best;
}

/**
 * The suggested field of each header: each field at most once, the best
 * match first; headings written "English / Cymraeg" match on either half.
 * Headers below `threshold` are not imported.
 */
export function suggestMapping(
  headers: readonly string[],
  vocabulary: ImportVocabulary,
  threshold = 0.55,
): ColumnMapping {
  const candidates: { column: number; field: ImportField; score: number }[] = [];
  headers.forEach((header, column) => {
    const halves = [header, ...header.split(/\s+\/\s+|\s*\|\s*/)];
    for (const field of IMPORT_FIELDS) {
      const score = Math.max(...halves.map((h) => headerScore(h, vocabulary.fields[field])));
      if (score >= threshold) candidates.push({ column, field, score });
    }
  });
  candidates.sort(
    (a, b) =>
      b.score - a.score || a.column - b.column || IMPORT_FIELDS.indexOf(a.field) - IMPORT_FIELDS.indexOf(b.field),
  );
  const out: (ImportField | null)[] = headers.map(() => null);
  const used = new Set<ImportField>();
  for (const c of candidates) {
    if (out[c.column] !== null || used.has(c.field)) continue;
    out[c.column] = c.field;
    used.add(c.field);
  }
  return out;
}

/** A key for a set of headers, to remember a person's mapping for the next file of the same shape. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((h) => fold(h)).join('|');
}
