/**
 * Which of a file's columns holds which field of the record: the fields an
 * import can fill, the words councils use for them in English and Welsh, and
 * a suggested mapping from a file's headers. The catalogues' labels are
 * passed in as data (the domain does not read the message catalogues).
 */
import {
  BASES,
  FOOTPRINTS,
  KINDS,
  MODELS,
  REASONS,
  REVIEW_FREQUENCIES,
  RISK_LEVELS,
  SIGNIFICANCE_TIERS,
  STATUSES,
} from '../vocabulary';
import { fold } from './parse';

export const IMPORT_FIELDS = [
  'reference',
  'title',
  'titleCy',
  'kind',
  'model',
  'purpose',
  'outcomes',
  'reasons',
  'basis',
  'footprint',
  'leadOrganisation',
  'councilLeads',
  'partners',
  'serviceArea',
  'directorate',
  'leadOfficer',
  'headOfService',
  'status',
  'startDate',
  'endDate',
  'reviewFrequency',
  'lastReviewDate',
  'nextReviewDue',
  'annualCost',
  'councilContribution',
  'serviceRisk',
  'significance',
  'scrutiny',
  'disputeResolution',
  'exitStrategy',
  'exitNote',
  'panel',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The choice sets an import reads, by the catalogue's vocabulary name. */
export const CHOICE_FIELDS = {
  kind: ['kind', KINDS],
  model: ['model', MODELS],
  basis: ['basis', BASES],
  footprint: ['footprint', FOOTPRINTS],
  status: ['status', STATUSES],
  reviewFrequency: ['reviewFrequency', REVIEW_FREQUENCIES],
  serviceRisk: ['risk', RISK_LEVELS],
  significance: ['significance', SIGNIFICANCE_TIERS],
  reasons: ['reason', REASONS],
} as const;
export type ChoiceField = keyof typeof CHOICE_FIELDS;

/** Words for each field and each choice, in both languages. */
export interface ImportVocabulary {
  readonly fields: Readonly<Record<ImportField, readonly string[]>>;
  readonly choices: Readonly<Record<ChoiceField, Readonly<Record<string, readonly string[]>>>>;
}

/** The usual names in councils' own registers, beyond the catalogues' labels. */
const FIELD_SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  reference: [
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
  title: [
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
  titleCy: ['welsh name', 'name welsh', 'name cy', 'enw cymraeg'],
  kind: ['type', 'kind', 'formal partnership or collaboration', 'math'],
  model: ['model', 'legal model', 'governance model', 'delivery model', 'model cyfreithiol'],
  purpose: ['purpose', 'description', 'aims', 'objectives', 'summary', 'diben', 'disgrifiad', 'nodau'],
  outcomes: ['outcomes', 'expected outcomes', 'benefits', 'canlyniadau'],
  reasons: ['reasons', 'reason', 'why', 'rhesymau'],
  basis: ['basis', 'statutory or good practice', 'statutory', 'funding basis', 'sail'],
  footprint: ['footprint', 'geography', 'area covered', 'geographical footprint', 'ôl troed', 'ardal'],
  leadOrganisation: [
    'lead organisation',
    'lead body',
    'lead authority',
    'lead org',
    'host',
    'host organisation',
    'sefydliad arweiniol',
    'corff arweiniol',
  ],
  councilLeads: [
    'council leads',
    'council lead',
    'we lead',
    'lead by council',
    'is the council lead',
    'y cyngor yn arwain',
  ],
  partners: [
    'partners',
    'partner',
    'partner organisations',
    'partner organizations',
    'partner bodies',
    'partneriaid',
    'sefydliadau partner',
  ],
  serviceArea: ['service', 'service area', 'maes gwasanaeth', 'gwasanaeth'],
  directorate: ['directorate', 'department', 'dept', 'cyfarwyddiaeth', 'adran'],
  leadOfficer: [
    'lead officer',
    'officer',
    'contact',
    'lead contact',
    'responsible officer',
    'swyddog arweiniol',
    'swyddog',
  ],
  headOfService: ['head of service', 'hos', 'pennaeth gwasanaeth'],
  status: ['status', 'current status', 'state', 'statws'],
  startDate: ['start', 'start date', 'date started', 'commenced', 'dyddiad dechrau'],
  endDate: ['end', 'end date', 'date ended', 'expiry', 'expiry date', 'dyddiad gorffen', 'dyddiad dod i ben'],
  reviewFrequency: ['review frequency', 'frequency', 'review cycle', 'amlder adolygu'],
  lastReviewDate: [
    'last review',
    'last reviewed',
    'date of last review',
    'last review date',
    'adolygiad diwethaf',
    'dyddiad yr adolygiad diwethaf',
  ],
  nextReviewDue: [
    'next review',
    'next review date',
    'review date',
    'review due',
    'next review due',
    'adolygiad nesaf',
    'dyddiad adolygu',
  ],
  annualCost: ['annual cost', 'cost', 'total cost', 'annual budget', 'budget', 'value', 'cost flynyddol', 'cyllideb'],
  councilContribution: [
    'council contribution',
    'our contribution',
    'contribution',
    'council cost',
    'cyfraniad',
    'cyfraniad y cyngor',
  ],
  serviceRisk: ['risk', 'service risk', 'risk level', 'risg'],
  significance: ['significance', 'priority', 'arwyddocâd'],
  scrutiny: ['scrutiny', 'scrutiny arrangements', 'craffu'],
  disputeResolution: ['dispute resolution', 'disputes', 'datrys anghydfod'],
  exitStrategy: ['exit strategy', 'exit', 'exit arrangements', 'strategaeth ymadael'],
  exitNote: ['exit note', 'withdrawal note', 'nodyn ymadael'],
  panel: ['panel', 'review panel', 'reviewing body', 'panel adolygu'],
};

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
    const catalogueField = field === 'partners' ? 'partnerIds' : field;
    fields[field] = mergeWords(
      catalogues.map((c) => labelsAt(c, 'fields')[catalogueField]).filter((x): x is string => x !== undefined),
      FIELD_SYNONYMS[field],
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
