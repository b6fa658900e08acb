import { LISTS, CHOICES, type ListKey } from '../data/schema';
import { assessmentMapper, questionMapper, templateMapper } from '../data/mappers';
import { ragOf, scoreAssessment } from '../domain/assessment';
import type { Answer, Assessment, AssessmentTemplate, Question } from '../domain/entities';
import { formatReference } from '../domain/reference';
import { SHIPPED_TEMPLATES } from '../domain/shippedTemplates';
import { isInScope } from '../domain/scope';
import { addMonths as addMonthsIso } from '../domain/dates';
import { nextReviewDue } from '../domain/reviewCycle';
import { significanceOf } from '../domain/significance';
import { MODELS, type Basis as DomainBasis, type Footprint as DomainFootprint, type Model } from '../domain/vocabulary';
import { COUNCIL, DEMO_USERS } from './users';
import { isMulti, restName } from './store/model';
import type { SiteStore } from './store/site-store';

/**
 * Deterministic demo data for Glan-yr-Afon County Borough Council, shaped on
 * seed 002's register (about 146 partner organisations, 35 formal
 * partnerships, 25 collaborations, the council leading 8, 25 statutory, good
 * practice or Welsh Government funded). Dates are relative to `today` so that
 * on the day of generation some reviews are due soon, some overdue, and some
 * actions are at risk. A seeded PRNG makes every run with the same `today`,
 * `size` and `seed` give the same records.
 */
export interface DemoOptions {
  /** Number of collaborations (default 60, seed 002's 35 + 25). Larger sizes add generated records for benchmarks. */
  readonly size?: number;
  readonly seed?: number;
}

/** An item as REST property names and values (CollaborationId, PartnersId...). */
export type DemoRecord = Record<string, unknown>;

export type DemoData = Partial<Record<ListKey, DemoRecord[]>>;

import { seededRandom as prng } from '../lib/random';

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate.slice(0, 10)) + days * 86_400_000).toISOString().slice(0, 10);
}

const dt = (date: string | null): string | null => (date ? `${date}T00:00:00Z` : null);

const word = (set: keyof typeof CHOICES, code: string): string => {
  const c = CHOICES[set].find((x) => x.code === code);
  if (!c) throw new RangeError(`${set}.${code}`);
  return c.value;
};

const userId = (key: string): number => {
  const u = DEMO_USERS.find((x) => x.key === key);
  if (!u) throw new RangeError(key);
  return u.Id;
};

// ---------------------------------------------------------------- partners

type Sector = (typeof CHOICES.sector)[number]['code'];

const BODIES: readonly [string, string, Sector][] = [
  ['Welsh Government', 'Llywodraeth Cymru', 'welshGovernment'],
  ['Welsh Local Government Association', 'Cymdeithas Llywodraeth Leol Cymru', 'other'],
  ['Aneurin Bevan University Health Board', 'Bwrdd Iechyd Prifysgol Aneurin Bevan', 'health'],
  ['Cardiff and Vale University Health Board', "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro", 'health'],
  ['Public Health Wales', 'Iechyd Cyhoeddus Cymru', 'health'],
  ['Velindre University NHS Trust', 'Ymddiriedolaeth GIG Prifysgol Felindre', 'health'],
  [
    'Welsh Ambulance Services University NHS Trust',
    'Ymddiriedolaeth GIG Prifysgol Gwasanaethau Ambiwlans Cymru',
    'health',
  ],
  ['Gwent Police', 'Heddlu Gwent', 'police'],
  ['South Wales Police', 'Heddlu De Cymru', 'police'],
  [
    'Office of the Police and Crime Commissioner for Gwent',
    'Swyddfa Comisiynydd yr Heddlu a Throseddu Gwent',
    'police',
  ],
  ['South Wales Fire and Rescue Service', 'Gwasanaeth Tân ac Achub De Cymru', 'fireAndRescue'],
  ['Natural Resources Wales', 'Cyfoeth Naturiol Cymru', 'other'],
  ['Careers Wales', 'Gyrfa Cymru', 'education'],
  ['Coleg Gwent', 'Coleg Gwent', 'education'],
  ['University of South Wales', 'Prifysgol De Cymru', 'education'],
  ['Cardiff University', 'Prifysgol Caerdydd', 'education'],
  ['Education Achievement Service', 'Gwasanaeth Cyflawni Addysg', 'education'],
  ['Probation Service in Wales', 'Gwasanaeth Prawf yng Nghymru', 'other'],
  ['Department for Work and Pensions', 'Yr Adran Gwaith a Phensiynau', 'other'],
  ['Transport for Wales', 'Trafnidiaeth Cymru', 'welshGovernment'],
  ['Cadw', 'Cadw', 'welshGovernment'],
  ['Arts Council of Wales', 'Cyngor Celfyddydau Cymru', 'other'],
  ['Sport Wales', 'Chwaraeon Cymru', 'other'],
  ['Audit Wales', 'Archwilio Cymru', 'other'],
  ['Social Care Wales', 'Gofal Cymdeithasol Cymru', 'other'],
  ['Welsh Language Commissioner', 'Comisiynydd y Gymraeg', 'other'],
  ['Food Standards Agency Wales', 'Asiantaeth Safonau Bwyd Cymru', 'other'],
  ['Gwent Association of Voluntary Organisations', 'Cymdeithas Mudiadau Gwirfoddol Gwent', 'voluntary'],
  ['Citizens Advice Cymru', 'Cyngor ar Bopeth Cymru', 'voluntary'],
  ['Age Cymru', 'Age Cymru', 'voluntary'],
  ["Barnardo's Cymru", "Barnardo's Cymru", 'voluntary'],
  ['Mudiad Meithrin', 'Mudiad Meithrin', 'voluntary'],
  ['Urdd Gobaith Cymru', 'Urdd Gobaith Cymru', 'voluntary'],
  ['Shelter Cymru', 'Shelter Cymru', 'voluntary'],
  ["Welsh Women's Aid", 'Cymorth i Ferched Cymru', 'voluntary'],
  ['Keep Wales Tidy', "Cadwch Gymru'n Daclus", 'voluntary'],
  ['Menter Iaith Glan-yr-Afon', 'Menter Iaith Glan-yr-Afon', 'voluntary'],
  ['Glan-yr-Afon Housing Association', 'Cymdeithas Tai Glan-yr-Afon', 'other'],
  ['Glan-yr-Afon Leisure Trust', 'Ymddiriedolaeth Hamdden Glan-yr-Afon', 'other'],
  ['Glan-yr-Afon Chamber of Commerce', 'Siambr Fasnach Glan-yr-Afon', 'private'],
  ['Federation of Small Businesses Wales', 'Ffederasiwn Busnesau Bach Cymru', 'private'],
  ['Business Wales', 'Busnes Cymru', 'welshGovernment'],
  ['Development Bank of Wales', 'Banc Datblygu Cymru', 'welshGovernment'],
  ['Cardiff Capital Region', 'Prifddinas-Ranbarth Caerdydd', 'localAuthority'],
  ['Shared Resource Service', 'Gwasanaeth Adnoddau a Rennir', 'localAuthority'],
  ['Blaenau Gwent County Borough Council', 'Cyngor Bwrdeistref Sirol Blaenau Gwent', 'localAuthority'],
  ['Caerphilly County Borough Council', 'Cyngor Bwrdeistref Sirol Caerffili', 'localAuthority'],
  ['Monmouthshire County Council', 'Cyngor Sir Fynwy', 'localAuthority'],
  ['Newport City Council', 'Cyngor Dinas Casnewydd', 'localAuthority'],
  ['Torfaen County Borough Council', 'Cyngor Bwrdeistref Sirol Torfaen', 'localAuthority'],
  ['Cardiff Council', 'Cyngor Caerdydd', 'localAuthority'],
  ['Merthyr Tydfil County Borough Council', 'Cyngor Bwrdeistref Sirol Merthyr Tudful', 'localAuthority'],
  ['Rhondda Cynon Taf County Borough Council', 'Cyngor Bwrdeistref Sirol Rhondda Cynon Taf', 'localAuthority'],
  ['Vale of Glamorgan Council', 'Cyngor Bro Morgannwg', 'localAuthority'],
  ['Bridgend County Borough Council', 'Cyngor Bwrdeistref Sirol Pen-y-bont ar Ogwr', 'localAuthority'],
];

/** Fictional places in the county borough (the benches name bodies after them too). */
export const PLACES: readonly string[] = [
  'Abercoed',
  'Pontyrhos',
  'Cwmderwen',
  'Trefelin',
  'Maesyderwen',
  'Penrhiw-fach',
  'Tonyglas',
  'Cefn Eithin',
  'Nantyfedw',
  'Blaencarn',
  'Llwynhelyg',
  'Pantglas',
  'Bryn-yr-Haul',
  'Ystrad Fawr',
  'Coed-y-Llan',
  'Glanllyn',
  'Heol-y-Cwm',
  'Tŷ Gwyn',
  'Rhos-ddu',
  'Waun Fawr',
];

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function partners(): DemoRecord[] {
  const rows: [string, string, Sector][] = [...BODIES];
  PLACES.forEach((p, i) => {
    rows.push(
      i % 4 === 0
        ? [`${p} Town Council`, `Cyngor Tref ${p}`, 'localAuthority']
        : [`${p} Community Council`, `Cyngor Cymuned ${p}`, 'localAuthority'],
    );
  });
  PLACES.forEach((p, i) => {
    rows.push(
      i % 3 === 0
        ? [`${p} Comprehensive School`, `Ysgol Gyfun ${p}`, 'education']
        : [`${p} Primary School`, `Ysgol Gynradd ${p}`, 'education'],
    );
  });
  PLACES.forEach((p) => rows.push([`${p} Foodbank`, `Banc Bwyd ${p}`, 'voluntary']));
  PLACES.forEach((p) => rows.push([`${p} Community Trust`, `Ymddiriedolaeth Gymunedol ${p}`, 'voluntary']));
  for (const [en, cy] of [
    ['Glan-yr-Afon Credit Union', 'Undeb Credyd Glan-yr-Afon'],
    ['Glan-yr-Afon Carers Centre', 'Canolfan Gofalwyr Glan-yr-Afon'],
    ['Glan-yr-Afon Youth Forum', 'Fforwm Ieuenctid Glan-yr-Afon'],
    ['Valleys Regional Park', 'Parc Rhanbarthol y Cymoedd'],
    ['Gwent Wildlife Trust', 'Ymddiriedolaeth Natur Gwent'],
    ['Glan-yr-Afon Business Improvement District', 'Ardal Gwella Busnes Glan-yr-Afon'],
    ['South East Wales Energy Agency', 'Asiantaeth Ynni De-ddwyrain Cymru'],
    ['Afon Valley Railway Trust', 'Ymddiriedolaeth Rheilffordd Cwm Afon'],
    ['Glan-yr-Afon Disability Forum', 'Fforwm Anabledd Glan-yr-Afon'],
    ['Glan-yr-Afon Older People’s Council', 'Cyngor Pobl Hŷn Glan-yr-Afon'],
    ['Gwent Music Support Trust', 'Ymddiriedolaeth Cymorth Cerdd Gwent'],
  ] as const) {
    rows.push([en, cy, en.includes('Business') || en.includes('Energy') ? 'private' : 'voluntary']);
  }
  return rows.slice(0, 146).map(([en, cy, sector]) => ({
    Title: en,
    PartnerKey: slug(en),
    NameCy: cy,
    Sector: word('sector', sector),
    Website: null,
  }));
}

// ---------------------------------------------------------------- collaborations

type Directorate = 'Education' | 'Social Services' | 'Economy and Environment' | 'Corporate Services';
type Basis = DomainBasis;
type Footprint = DomainFootprint;

interface Curated {
  en: string;
  cy: string;
  model: Model | null;
  basis: Basis;
  footprint: Footprint;
  directorate: Directorate;
  /** Lead organisation (partner body name); the council when it leads. */
  lead: string;
  councilLeads: boolean;
}

const C = COUNCIL.name;

const P = (
  en: string,
  cy: string,
  basis: Basis,
  footprint: Footprint,
  directorate: Directorate,
  lead: string,
): Curated => ({ en, cy, model: null, basis, footprint, directorate, lead, councilLeads: false });

const K = (
  en: string,
  cy: string,
  model: Model,
  basis: Basis,
  footprint: Footprint,
  directorate: Directorate,
  lead: string,
  councilLeads = false,
): Curated => ({ en, cy, model, basis, footprint, directorate, lead: councilLeads ? C : lead, councilLeads });

/** 35 formal partnerships, then 25 collaborations (seed 002's figures). */
const CURATED: readonly Curated[] = [
  P(
    'Gwent Regional Partnership Board',
    'Bwrdd Partneriaeth Rhanbarthol Gwent',
    'statutory',
    'gwent',
    'Social Services',
    'Aneurin Bevan University Health Board',
  ),
  P(
    'Glan-yr-Afon Public Services Board',
    'Bwrdd Gwasanaethau Cyhoeddus Glan-yr-Afon',
    'statutory',
    'local',
    'Corporate Services',
    'Aneurin Bevan University Health Board',
  ),
  P('Gwent Safeguarding Board', 'Bwrdd Diogelu Gwent', 'statutory', 'gwent', 'Social Services', 'Newport City Council'),
  P(
    'Glan-yr-Afon Community Safety Partnership',
    'Partneriaeth Diogelwch Cymunedol Glan-yr-Afon',
    'statutory',
    'local',
    'Economy and Environment',
    'Gwent Police',
  ),
  P(
    'Gwent Area Planning Board for Substance Misuse',
    'Bwrdd Cynllunio Ardal Gwent ar gyfer Camddefnyddio Sylweddau',
    'statutory',
    'gwent',
    'Social Services',
    'Aneurin Bevan University Health Board',
  ),
  P(
    'Gwent Local Resilience Forum',
    'Fforwm Cydnerthedd Lleol Gwent',
    'statutory',
    'gwent',
    'Corporate Services',
    'Gwent Police',
  ),
  P(
    'Gwent Violence Against Women, Domestic Abuse and Sexual Violence Partnership',
    'Partneriaeth Trais yn erbyn Menywod, Cam-drin Domestig a Thrais Rhywiol Gwent',
    'statutory',
    'gwent',
    'Social Services',
    'Office of the Police and Crime Commissioner for Gwent',
  ),
  P(
    'Glan-yr-Afon Youth Justice Management Board',
    'Bwrdd Rheoli Cyfiawnder Ieuenctid Glan-yr-Afon',
    'statutory',
    'local',
    'Social Services',
    'Probation Service in Wales',
  ),
  P(
    'Cardiff Capital Region Skills Partnership',
    'Partneriaeth Sgiliau Prifddinas-Ranbarth Caerdydd',
    'welshGovernmentFunding',
    'southEastWales',
    'Economy and Environment',
    'Cardiff Capital Region',
  ),
  P(
    'Glan-yr-Afon Local Nature Partnership',
    'Partneriaeth Natur Leol Glan-yr-Afon',
    'welshGovernmentFunding',
    'local',
    'Economy and Environment',
    'Gwent Wildlife Trust',
  ),
  P(
    'Families First Partnership',
    'Partneriaeth Teuluoedd yn Gyntaf',
    'welshGovernmentFunding',
    'local',
    'Education',
    'Gwent Association of Voluntary Organisations',
  ),
  P(
    'Flying Start Partnership',
    "Partneriaeth Dechrau'n Deg",
    'welshGovernmentFunding',
    'local',
    'Education',
    'Aneurin Bevan University Health Board',
  ),
  P(
    'Gwent Housing Support Regional Collaborative Group',
    'Grŵp Cydweithredol Rhanbarthol Cymorth Tai Gwent',
    'welshGovernmentFunding',
    'gwent',
    'Social Services',
    'Torfaen County Borough Council',
  ),
  P(
    'Glan-yr-Afon Welsh Language Forum',
    'Fforwm Iaith Gymraeg Glan-yr-Afon',
    'goodPractice',
    'local',
    'Corporate Services',
    'Menter Iaith Glan-yr-Afon',
  ),
  P(
    'Gwent Armed Forces Covenant Partnership',
    'Partneriaeth Cyfamod y Lluoedd Arfog Gwent',
    'goodPractice',
    'gwent',
    'Corporate Services',
    'Monmouthshire County Council',
  ),
  P(
    'Glan-yr-Afon Employability Partnership',
    'Partneriaeth Cyflogadwyedd Glan-yr-Afon',
    'localDecision',
    'local',
    'Economy and Environment',
    'Department for Work and Pensions',
  ),
  P(
    'Glan-yr-Afon Tourism Partnership',
    'Partneriaeth Twristiaeth Glan-yr-Afon',
    'localDecision',
    'local',
    'Economy and Environment',
    'Glan-yr-Afon Chamber of Commerce',
  ),
  P(
    'Glan-yr-Afon Town Centres Partnership',
    'Partneriaeth Canol Trefi Glan-yr-Afon',
    'localDecision',
    'local',
    'Economy and Environment',
    'Glan-yr-Afon Business Improvement District',
  ),
  P(
    'Glan-yr-Afon Food Partnership',
    'Partneriaeth Fwyd Glan-yr-Afon',
    'localDecision',
    'local',
    'Economy and Environment',
    'Gwent Association of Voluntary Organisations',
  ),
  P(
    'Glan-yr-Afon Carers Partnership',
    'Partneriaeth Gofalwyr Glan-yr-Afon',
    'localDecision',
    'local',
    'Social Services',
    'Glan-yr-Afon Carers Centre',
  ),
  P(
    'Gwent Dementia Friendly Communities Partnership',
    "Partneriaeth Cymunedau sy'n Deall Dementia Gwent",
    'goodPractice',
    'gwent',
    'Social Services',
    'Age Cymru',
  ),
  P(
    'Glan-yr-Afon Digital Inclusion Alliance',
    'Cynghrair Cynhwysiant Digidol Glan-yr-Afon',
    'localDecision',
    'local',
    'Corporate Services',
    'Coleg Gwent',
  ),
  P(
    'Glan-yr-Afon Active Travel Forum',
    'Fforwm Teithio Llesol Glan-yr-Afon',
    'localDecision',
    'local',
    'Economy and Environment',
    'Transport for Wales',
  ),
  P(
    'Glan-yr-Afon Climate Emergency Partnership',
    'Partneriaeth Argyfwng Hinsawdd Glan-yr-Afon',
    'localDecision',
    'local',
    'Economy and Environment',
    'South East Wales Energy Agency',
  ),
  P(
    'Gwent Integrated Autism Service Partnership',
    'Partneriaeth Gwasanaeth Awtistiaeth Integredig Gwent',
    'welshGovernmentFunding',
    'gwent',
    'Social Services',
    'Aneurin Bevan University Health Board',
  ),
  P(
    'Glan-yr-Afon Early Years Partnership',
    'Partneriaeth y Blynyddoedd Cynnar Glan-yr-Afon',
    'localDecision',
    'local',
    'Education',
    'Mudiad Meithrin',
  ),
  P(
    'Glan-yr-Afon Adult Learning Partnership',
    'Partneriaeth Dysgu Oedolion Glan-yr-Afon',
    'localDecision',
    'local',
    'Education',
    'Coleg Gwent',
  ),
  P(
    'Glan-yr-Afon Health and Wellbeing Partnership',
    'Partneriaeth Iechyd a Llesiant Glan-yr-Afon',
    'localDecision',
    'local',
    'Social Services',
    'Public Health Wales',
  ),
  P(
    'Glan-yr-Afon Homelessness Forum',
    'Fforwm Digartrefedd Glan-yr-Afon',
    'localDecision',
    'local',
    'Social Services',
    'Shelter Cymru',
  ),
  P(
    'Glan-yr-Afon Business Forum',
    'Fforwm Busnes Glan-yr-Afon',
    'localDecision',
    'local',
    'Economy and Environment',
    'Federation of Small Businesses Wales',
  ),
  P(
    "Glan-yr-Afon Children and Young People's Partnership",
    'Partneriaeth Plant a Phobl Ifanc Glan-yr-Afon',
    'localDecision',
    'local',
    'Education',
    "Barnardo's Cymru",
  ),
  P(
    'Gwent Road Safety Partnership',
    'Partneriaeth Diogelwch y Ffyrdd Gwent',
    'localDecision',
    'gwent',
    'Economy and Environment',
    'Gwent Police',
  ),
  P(
    "Glan-yr-Afon Older People's Forum",
    'Fforwm Pobl Hŷn Glan-yr-Afon',
    'localDecision',
    'local',
    'Social Services',
    'Age Cymru',
  ),
  P(
    'Glan-yr-Afon Equalities Forum',
    'Fforwm Cydraddoldeb Glan-yr-Afon',
    'localDecision',
    'local',
    'Corporate Services',
    'Glan-yr-Afon Disability Forum',
  ),
  P(
    'Glan-yr-Afon Flood Risk Management Partnership',
    'Partneriaeth Rheoli Perygl Llifogydd Glan-yr-Afon',
    'localDecision',
    'local',
    'Economy and Environment',
    'Natural Resources Wales',
  ),
  K(
    'South East Wales Corporate Joint Committee',
    'Cyd-bwyllgor Corfforedig De-ddwyrain Cymru',
    'jointCommittee',
    'statutory',
    'southEastWales',
    'Economy and Environment',
    'Cardiff Capital Region',
  ),
  K(
    'Education Achievement Service for South East Wales',
    'Gwasanaeth Cyflawni Addysg De-ddwyrain Cymru',
    'jointCommittee',
    'goodPractice',
    'southEastWales',
    'Education',
    'Education Achievement Service',
  ),
  K(
    'Cardiff Capital Region City Deal',
    'Bargen Ddinesig Prifddinas-Ranbarth Caerdydd',
    'jointCommittee',
    'welshGovernmentFunding',
    'southEastWales',
    'Economy and Environment',
    'Cardiff Council',
  ),
  K(
    'South East Wales Adoption Service',
    'Gwasanaeth Mabwysiadu De-ddwyrain Cymru',
    'delegationOfFunctions',
    'statutory',
    'southEastWales',
    'Social Services',
    '',
    true,
  ),
  K(
    'Gwent Archives Joint Committee',
    'Cyd-bwyllgor Archifau Gwent',
    'jointCommittee',
    'localDecision',
    'gwent',
    'Corporate Services',
    'Torfaen County Borough Council',
  ),
  K(
    'Shared Resource Service (ICT)',
    'Gwasanaeth Adnoddau a Rennir (TGCh)',
    'jointCommittee',
    'localDecision',
    'gwent',
    'Corporate Services',
    'Shared Resource Service',
  ),
  K(
    'Shared Internal Audit Service',
    'Gwasanaeth Archwilio Mewnol a Rennir',
    'delegationOfFunctions',
    'localDecision',
    'gwent',
    'Corporate Services',
    '',
    true,
  ),
  K(
    'Gwent Music Service',
    'Gwasanaeth Cerdd Gwent',
    'jointCommittee',
    'localDecision',
    'gwent',
    'Education',
    'Newport City Council',
  ),
  K(
    'Regional Emergency Planning Service',
    'Gwasanaeth Cynllunio Argyfwng Rhanbarthol',
    'delegationOfFunctions',
    'statutory',
    'gwent',
    'Corporate Services',
    '',
    true,
  ),
  K(
    'Joint Building Control Service',
    'Gwasanaeth Rheoli Adeiladu ar y Cyd',
    'delegationOfFunctions',
    'localDecision',
    'gwent',
    'Economy and Environment',
    '',
    true,
  ),
  K(
    'Regional Community Equipment Service',
    'Gwasanaeth Offer Cymunedol Rhanbarthol',
    'delegationOfFunctions',
    'goodPractice',
    'gwent',
    'Social Services',
    '',
    true,
  ),
  K(
    'Glan-yr-Afon Joint Transport Unit',
    'Uned Drafnidiaeth ar y Cyd Glan-yr-Afon',
    'delegationOfFunctions',
    'localDecision',
    'local',
    'Economy and Environment',
    '',
    true,
  ),
  K(
    'Prosiect Gwyrdd Residual Waste Partnership',
    'Partneriaeth Gwastraff Gweddilliol Prosiect Gwyrdd',
    'contractualArrangement',
    'localDecision',
    'southEastWales',
    'Economy and Environment',
    'Cardiff Council',
  ),
  K(
    'Regional Framework for Domiciliary Care',
    'Fframwaith Rhanbarthol ar gyfer Gofal Cartref',
    'contractualArrangement',
    'localDecision',
    'gwent',
    'Social Services',
    'Caerphilly County Borough Council',
  ),
  K(
    'Glan-yr-Afon Leisure Trust',
    'Ymddiriedolaeth Hamdden Glan-yr-Afon',
    'corporateVehicle',
    'localDecision',
    'local',
    'Economy and Environment',
    'Glan-yr-Afon Leisure Trust',
  ),
  K(
    'Glan-yr-Afon Regeneration Company',
    'Cwmni Adfywio Glan-yr-Afon',
    'corporateVehicle',
    'localDecision',
    'local',
    'Economy and Environment',
    'Development Bank of Wales',
  ),
  K(
    'Shared Head of Trading Standards',
    'Pennaeth Safonau Masnach ar y Cyd',
    'sharedAppointment',
    'localDecision',
    'gwent',
    'Economy and Environment',
    '',
    true,
  ),
  K(
    'Secondment to the Regional Partnership Board Team',
    'Secondiad i Dîm y Bwrdd Partneriaeth Rhanbarthol',
    'sharedAppointment',
    'localDecision',
    'gwent',
    'Social Services',
    'Aneurin Bevan University Health Board',
  ),
  K(
    'South East Wales Heads of Education Network',
    'Rhwydwaith Penaethiaid Addysg De-ddwyrain Cymru',
    'informalArrangement',
    'localDecision',
    'southEastWales',
    'Education',
    'Education Achievement Service',
  ),
  K(
    'Gwent Highways Winter Maintenance Agreement',
    'Cytundeb Cynnal a Chadw Priffyrdd y Gaeaf Gwent',
    'informalArrangement',
    'localDecision',
    'gwent',
    'Economy and Environment',
    '',
    true,
  ),
  K(
    'Regional School Transport Collaboration',
    'Cydweithrediad Cludiant Ysgol Rhanbarthol',
    'delegationOfFunctions',
    'localDecision',
    'gwent',
    'Education',
    'Caerphilly County Borough Council',
  ),
  K(
    'Gwent Joint Public Protection Service',
    'Gwasanaeth Gwarchod y Cyhoedd ar y Cyd Gwent',
    'jointCommittee',
    'localDecision',
    'gwent',
    'Economy and Environment',
    'Monmouthshire County Council',
  ),
  K(
    'All-Wales Library Management System Consortium',
    'Consortiwm System Rheoli Llyfrgelloedd Cymru Gyfan',
    'contractualArrangement',
    'goodPractice',
    'allWales',
    'Corporate Services',
    'Welsh Local Government Association',
  ),
  K(
    'National Procurement Service Framework',
    'Fframwaith y Gwasanaeth Caffael Cenedlaethol',
    'contractualArrangement',
    'welshGovernmentFunding',
    'allWales',
    'Corporate Services',
    'Welsh Government',
  ),
  K(
    'Shared Occupational Health Service',
    'Gwasanaeth Iechyd Galwedigaethol a Rennir',
    'delegationOfFunctions',
    'localDecision',
    'local',
    'Corporate Services',
    'Torfaen County Borough Council',
  ),
];

const DIRECTORATE_PEOPLE: Readonly<Record<Directorate, { leads: string[]; head: string }>> = {
  Education: { leads: ['aled', 'llyr'], head: 'llyr' },
  'Social Services': { leads: ['mererid', 'angharad'], head: 'angharad' },
  'Economy and Environment': { leads: ['tomos', 'nia', 'dylan'], head: 'dylan' },
  'Corporate Services': { leads: ['officer', 'gareth'], head: 'gareth' },
};

const AIMS: Readonly<Record<Directorate, readonly string[]>> = {
  Education: [
    'raise standards in schools and close the attainment gap',
    'give every child the best start in life',
    'widen access to learning in English and Welsh',
  ],
  'Social Services': [
    'join up health and social care around the person',
    'keep children and adults at risk safe',
    'help older people live independently at home',
  ],
  'Economy and Environment': [
    'grow good jobs and skills across the valleys',
    'cut carbon and protect the natural environment',
    'make town centres and travel safer and greener',
  ],
  'Corporate Services': [
    'share back-office services and reduce their cost',
    'plan together for emergencies and keep services running',
    'promote the Welsh language and equality in public services',
  ],
};

const SYNTH_TOPICS: readonly [string, string][] = [
  ['Domestic Abuse', 'Cam-drin Domestig'],
  ['Homelessness', 'Digartrefedd'],
  ['Employability', 'Cyflogadwyedd'],
  ['Tourism', 'Twristiaeth'],
  ['Active Travel', 'Teithio Llesol'],
  ['Carers', 'Gofalwyr'],
  ['Mental Health', 'Iechyd Meddwl'],
  ['Digital Inclusion', 'Cynhwysiant Digidol'],
  ['Food Poverty', 'Tlodi Bwyd'],
  ['Flood Risk', 'Perygl Llifogydd'],
  ['Youth Services', 'Gwasanaethau Ieuenctid'],
  ['Libraries', 'Llyfrgelloedd'],
  ['Regeneration', 'Adfywio'],
  ['Road Safety', 'Diogelwch y Ffyrdd'],
  ['Welsh Language', 'Iaith Gymraeg'],
];

const SYNTH_FORMS: readonly [string, string][] = [
  ['Partnership', 'Partneriaeth'],
  ['Forum', 'Fforwm'],
  ['Board', 'Bwrdd'],
  ['Steering Group', 'Grŵp Llywio'],
  ['Shared Service', 'Gwasanaeth a Rennir'],
];

const STATUS_CYCLE = [
  'active',
  'active',
  'active',
  'underReview',
  'active',
  'active',
  'proposed',
  'active',
  'reforming',
  'active',
  'active',
  'withdrawing',
  'active',
  'closed',
  'active',
  'underReview',
  'active',
  'active',
  'active',
  'active',
] as const;

const FREQUENCIES = ['annual', 'annual', 'sixMonthly', 'quarterly', 'annual', 'fixedDate'] as const;
const MONTHS: Readonly<Record<(typeof FREQUENCIES)[number], number>> = {
  annual: 12,
  sixMonthly: 6,
  quarterly: 3,
  fixedDate: 12,
};
const REASON_CODES = CHOICES.reason.map((r) => r.code);
const DIRECTORATES: readonly Directorate[] = [
  'Education',
  'Social Services',
  'Economy and Environment',
  'Corporate Services',
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length) % items.length] as T;
}

function collaborations(
  today: string,
  size: number,
  rand: () => number,
  partnerCount: number,
  partnerNames: string[],
): DemoRecord[] {
  const out: DemoRecord[] = [];
  for (let i = 0; i < size; i += 1) {
    const curated = CURATED[i];
    let c: Curated;
    if (curated) c = curated;
    else {
      const [te, tc] = pick(rand, SYNTH_TOPICS);
      const [fe, fc] = pick(rand, SYNTH_FORMS);
      const place = pick(rand, PLACES);
      const model = rand() < 0.4 ? pick(rand, MODELS) : null;
      const directorate = pick(rand, DIRECTORATES);
      const leads = model !== null && rand() < 0.3;
      c = {
        en: `${place} ${te} ${fe} ${i + 1}`,
        cy: `${fc} ${tc} ${place} ${i + 1}`,
        model,
        basis:
          rand() < 0.4 ? pick(rand, ['statutory', 'goodPractice', 'welshGovernmentFunding'] as const) : 'localDecision',
        footprint: pick(rand, ['local', 'gwent', 'southEastWales', 'southWales', 'regional', 'allWales'] as const),
        directorate,
        lead: leads ? C : pick(rand, partnerNames),
        councilLeads: leads,
      };
    }
    const kind = c.model === null ? 'formalPartnership' : 'collaboration';
    const model: Model = c.model ?? (i % 3 === 0 ? 'jointCommittee' : 'informalArrangement');
    const status = STATUS_CYCLE[i % STATUS_CYCLE.length] ?? 'active';
    const freq = FREQUENCIES[i % FREQUENCIES.length] ?? 'annual';
    const people = DIRECTORATE_PEOPLE[c.directorate];
    const startYearsAgo = 1 + (i % 9);
    const start = addDays(today, -(startYearsAgo * 365 + Math.floor(rand() * 200)));
    // Reviews: every tenth overdue, every tenth due within a week, every tenth within a month, the rest later.
    let next: string | null;
    switch (i % 10) {
      case 0:
        next = addDays(today, -(5 + Math.floor(rand() * 40)));
        break;
      case 1:
        next = addDays(today, 1 + Math.floor(rand() * 6));
        break;
      case 2:
        next = addDays(today, 8 + Math.floor(rand() * 22));
        break;
      default:
        next = addDays(today, 31 + Math.floor(rand() * 300));
    }
    if (status === 'closed' || status === 'proposed') next = null;
    // The last review one cycle before the next, and the next worked out by the domain from it (as every writer
    // does), so that a demo record reads as if the register itself had scheduled it.
    const last = next ? addMonthsIso(next, -MONTHS[freq]) : status === 'closed' ? addDays(today, -200) : null;
    if (next && last && freq !== 'fixedDate') next = nextReviewDue(freq, { lastReviewDate: last }) ?? next;
    const cost = Math.round((20_000 + rand() * 1_500_000) / 100) * 100;
    const share = c.councilLeads ? 0.4 + rand() * 0.3 : 0.05 + rand() * 0.2;
    const partnerIds = new Set<number>();
    const wanted = 2 + Math.floor(rand() * 5);
    while (partnerIds.size < Math.min(wanted, partnerCount)) partnerIds.add(1 + Math.floor(rand() * partnerCount));
    const reasons = new Set<string>();
    const nReasons = 1 + Math.floor(rand() * 3);
    if (c.basis === 'statutory') reasons.add('statutoryRequirement');
    while (reasons.size < nReasons) reasons.add(pick(rand, REASON_CODES));
    const aim = pick(rand, AIMS[c.directorate]);

    const serviceRisk = pick(rand, ['low', 'medium', 'medium', 'high'] as const);
    // The domain's significance test, the same the form and the import apply.
    const significance = significanceOf({
      annualCost: cost,
      basis: c.basis,
      footprint: c.footprint,
      partnerIds: [...partnerIds],
      serviceRisk,
    }).tier;
    const assessed = i % 4 !== 3 && status !== 'proposed';
    const score = assessed ? 35 + Math.floor(rand() * 60) : null;
    const closing = status === 'withdrawing' || status === 'closed';
    out.push({
      Title: c.en,
      Reference: formatReference(i + 1),
      TitleCy: c.cy,
      Kind: word('kind', kind),
      Model: word('model', model),
      InScope: isInScope(model),
      Purpose: `${c.en} brings ${COUNCIL.name} and its partners together to ${aim}.`,
      Outcomes: `Residents of Glan-yr-Afon see services that ${aim.replace(/^(\w+)/, (w) => `help ${w}`)}, measured in the partnership's annual report.`,
      Reasons: [...reasons].map((r) => word('reason', r)),
      Basis: word('basis', c.basis),
      Footprint: word('footprint', c.footprint),
      LeadOrganisation: c.lead,
      CouncilLeads: c.councilLeads,
      PartnersId: [...partnerIds].sort((a, b) => a - b),
      ServiceArea: c.directorate === 'Corporate Services' ? 'Policy and Partnerships' : c.directorate,
      Directorate: c.directorate,
      LeadOfficerId: userId(people.leads[i % people.leads.length] ?? people.head),
      HeadOfServiceId: userId(people.head),
      Status: word('status', status),
      StartDate: dt(start),
      EndDate: status === 'closed' ? dt(addDays(today, -60 - (i % 90))) : null,
      ReviewFrequency: word('reviewFrequency', freq),
      LastReviewDate: dt(last),
      NextReviewDue: dt(next),
      AnnualCost: cost,
      CouncilContribution: Math.round((cost * share) / 100) * 100,
      ServiceRisk: word('risk', serviceRisk),
      Significance: word('significance', significance),
      Scrutiny:
        c.directorate === 'Social Services' || c.directorate === 'Education'
          ? `Reported each year to the ${c.directorate} Scrutiny Committee, and by exception to the Governance and Audit Committee.`
          : 'Reported each year to the Policy and Resources Scrutiny Committee.',
      DisputeResolution:
        'Escalation to the lead officers, then to the chief executives of the partner bodies, then independent mediation.',
      ExitStrategy:
        'Twelve months’ written notice to the partners; staff, assets and records return to their employing body.',
      ExitNote: closing
        ? status === 'closed'
          ? 'Closed after review: the aims were met and the work is now business as usual.'
          : 'The council gave notice to withdraw after the review panel found the arrangement no longer adds value.'
        : null,
      // The panel's key, as the tab saves it; every tenth record keeps the panel's name, as records
      // made before panels had keys do (the tab still finds them: domain/panels.ts resolvePanel).
      Panel: demoPanel(significance === 'high' && i % 2 === 0 ? 'panel-gac' : 'panel-cgrp', i % 10 === 9),
      LastAssessmentRag: score === null ? null : word('rag', ragOf(score)),
      LastAssessmentScore: score,
    });
  }
  return out;
}

// ---------------------------------------------------------------- assessment templates and assessments

/** The four shipped templates as version 1, item for item as provisioning writes them. */
function templateRows(): { templates: DemoRecord[]; questions: DemoRecord[] } {
  const templates: DemoRecord[] = [];
  const questions: DemoRecord[] = [];
  for (const template of SHIPPED_TEMPLATES) {
    const { questions: qs, ...header } = template;
    templates.push(templateMapper.toItem(header));
    const versionKey = `${template.key}@v${template.version}`;
    for (const q of qs) questions.push(questionMapper.toItem({ ...q, templateVersionKey: versionKey }));
  }
  return { templates, questions };
}

const DEMO_TEXT_ANSWERS: readonly string[] = [
  'Set out in the partnership agreement and reported each year to scrutiny.',
  'The board reviewed this in its annual report; two actions are in the plan.',
  'Partly: the partners agreed the aims but the measures are still being drafted.',
];

/** Answers at a level of 0 (poor) to 1 (good), from the collaboration's own generator. */
function demoAnswers(template: AssessmentTemplate, level: number, rand: () => number, ref: string, today: string) {
  const answers: Record<string, Answer> = {};
  const grade = (): number => Math.min(1, Math.max(0, level + (rand() - 0.5) * 0.6));
  for (const q of template.questions) {
    if (q.allowNotApplicable && q.required && rand() < 0.1) {
      answers[q.key] = { kind: 'notApplicable' };
      continue;
    }
    const answer = demoAnswer(q, grade(), rand, ref, today);
    if (answer) answers[q.key] = answer;
  }
  return answers;
}

function demoAnswer(q: Question, g: number, rand: () => number, ref: string, today: string): Answer | undefined {
  switch (q.kind) {
    case 'rag':
      return { kind: 'rag', value: g >= 0.62 ? 'green' : g >= 0.35 ? 'amber' : 'red' };
    case 'yesPartialNo':
      return { kind: 'yesPartialNo', value: g >= 0.62 ? 'yes' : g >= 0.35 ? 'partial' : 'no' };
    case 'score':
      return { kind: 'score', value: 1 + Math.round(g * 4) };
    case 'text':
      return rand() < 0.6 ? { kind: 'text', value: pick(rand, DEMO_TEXT_ANSWERS) } : undefined;
    case 'date':
      return { kind: 'date', value: addDays(today, -(30 + Math.floor(rand() * 300))) };
    case 'evidence':
      return rand() < 0.5
        ? { kind: 'evidence', value: `https://glanyrafon.sharepoint.com/sites/council/Shared%20Documents/${ref}.pdf` }
        : undefined;
  }
}

interface DemoAssessments {
  readonly rows: DemoRecord[];
  /** The latest submitted score and RAG, by collaboration index. */
  readonly latest: Map<number, { score: number; rag: string }>;
}

/**
 * Submitted assessments for the curated collaborations that have been
 * assessed (a template each, in turn; the first has two, a year apart), and
 * one draft. Each uses its own generator so the rest of the demo is unchanged.
 */
function assessments(today: string, collabs: readonly DemoRecord[], curatedCount: number): DemoAssessments {
  const rows: DemoRecord[] = [];
  const latest = new Map<number, { score: number; rag: string }>();
  const governance = DEMO_USERS.find((u) => u.key === 'governance');
  let draftDone = false;
  let historyDone = false;
  for (let i = 0; i < Math.min(curatedCount, collabs.length); i += 1) {
    const collab = collabs[i] as DemoRecord;
    const ref = String(collab.Reference);
    const rand = prng(5_000 + i);
    const template = SHIPPED_TEMPLATES[i % SHIPPED_TEMPLATES.length] as AssessmentTemplate;
    const leadId = typeof collab.LeadOfficerId === 'number' ? collab.LeadOfficerId : undefined;
    const lead = DEMO_USERS.find((u) => u.Id === leadId) ?? governance;
    const person = lead && { id: lead.Id, displayName: lead.Title, email: lead.Email };
    const proposed = collab.Status === word('status', 'proposed');
    if (collab.LastAssessmentScore === null || proposed) {
      if (!draftDone && !proposed && collab.Status === word('status', 'active')) {
        draftDone = true;
        const answers = demoAnswers(template, 0.6, rand, ref, today);
        const half = Object.fromEntries(Object.entries(answers).slice(0, Math.ceil(template.questions.length / 2)));
        rows.push(
          assessmentMapper.toItem({
            key: `ASM-${ref}-draft`,
            collaborationId: i + 1,
            templateKey: template.key,
            templateVersion: template.version,
            status: 'draft',
            answers: half,
            dueDate: addDays(today, 14),
          }),
        );
      }
      continue;
    }
    const level = 0.35 + rand() * 0.55;
    const times = historyDone ? 1 : 2;
    historyDone = true;
    for (let n = times - 1; n >= 0; n -= 1) {
      const answers = demoAnswers(template, n > 0 ? level * 0.7 : level, rand, ref, today);
      const overall = scoreAssessment(template, answers).overall;
      const score = Math.round(overall.score ?? 0);
      const rag = ragOf(score, template.thresholds);
      const submitted = addDays(today, -(n * 365 + 10 + ((i * 13) % 150)));
      const assessment: Assessment = {
        key: `ASM-${ref}-${n > 0 ? 'earlier' : 'latest'}`,
        collaborationId: i + 1,
        templateKey: template.key,
        templateVersion: template.version,
        status: 'submitted',
        answers,
        score,
        overallRag: rag,
        ...(person && { submittedBy: person }),
        submittedOn: `${submitted}T10:30:00Z`,
      };
      rows.push(assessmentMapper.toItem(assessment));
      if (n === 0) latest.set(i, { score, rag: word('rag', rag) });
    }
  }
  return { rows, latest };
}

// ---------------------------------------------------------------- reviews and actions

const OUTCOME_NOTES: Readonly<Record<string, string>> = {
  continue: 'The panel found the governance arrangements sound and agreed the collaboration should continue.',
  continueWithActions:
    'The panel agreed the collaboration should continue, with the actions below to strengthen scrutiny and reporting.',
  reform: 'The panel asked the lead officer to bring proposals to reform the arrangement within six months.',
  withdraw: 'The panel recommended that the council withdraw, giving the notice the agreement requires.',
};

function reviews(today: string, collabs: DemoRecord[], count: number, rand: () => number): DemoRecord[] {
  const out: DemoRecord[] = [];
  const kinds = ['governanceCheck', 'annualReview', 'quarterlyListReview'] as const;
  const outcomes = ['continue', 'continueWithActions', 'reform', 'withdraw', 'continueWithActions'] as const;
  for (let i = 0; i < count; i += 1) {
    const collabIndex = (i * 7) % collabs.length;
    const collab = collabs[collabIndex] as DemoRecord;
    const held = i % 3 !== 2;
    const due = held ? addDays(today, -(20 + ((i * 37) % 300))) : addDays(today, ((i * 11) % 40) - 10);
    const outcome = held ? (outcomes[i % outcomes.length] ?? 'continue') : null;
    const panel = panelKey(typeof collab.Panel === 'string' ? collab.Panel : 'panel-cgrp');
    out.push({
      Title: `${collab.Reference as string} ${word('reviewKind', kinds[i % kinds.length] ?? 'annualReview')}`,
      ReviewKey: `REV-${String(i + 1).padStart(6, '0')}`,
      CollaborationId: collabIndex + 1,
      ReviewKind: word('reviewKind', kinds[i % kinds.length] ?? 'annualReview'),
      DueDate: dt(due),
      HeldOn: held ? dt(addDays(due, Math.floor(rand() * 5))) : null,
      Panel: panel,
      AttendeesId: held ? [userId('panel'), userId('bethan'), userId('governance')] : [],
      AssessmentId: null,
      Outcome: outcome ? word('outcome', outcome) : null,
      DecisionNote: outcome ? (OUTCOME_NOTES[outcome] ?? null) : null,
      ConversationUrl:
        held && i % 2 === 0
          ? {
              Description: 'Panel discussion in Teams',
              Url: `https://teams.microsoft.com/l/message/dev-${panel}/${i + 1}`,
            }
          : null,
      SnapshotJson: null,
    });
  }
  return out;
}

const PROGRAMME: readonly [string, number, number, 'complete' | 'open'][] = [
  ['Develop the Partnership Governance Toolkit with the protocol and action plan', -150, -30, 'complete'],
  ["Discuss service users' assessments with the Corporate Governance Review Panel", -140, -120, 'complete'],
  ['Report to the Policy and Resources Scrutiny Committee', -90, -75, 'complete'],
  ['Report to Cabinet', -70, -50, 'complete'],
  ['Quarterly review of the list of partnerships and collaborations through Heads of Service', -20, 5, 'open'],
  ['Select partnerships for the governance arrangements check', -30, -3, 'open'],
  ['Carry out the governance arrangements check and report to the Governance and Audit Committee', -60, 40, 'open'],
  ["Review the Council's Constitution for collaborative arrangements", 60, 120, 'open'],
  ['Inform the Annual Governance Statement', 150, 200, 'open'],
  ['Annual summary report to the Governance and Audit Committee', 180, 210, 'open'],
  ['Full report on the 12-month action plan to the Corporate Governance Review Panel', 200, 215, 'open'],
];

const ACTION_TEXTS: readonly string[] = [
  'Agree a shared performance framework with partners',
  'Update the partnership agreement and terms of reference',
  'Publish the annual report in English and Welsh',
  'Add the partnership to the scrutiny forward work programme',
  'Complete the risk register with partners',
  'Agree the exit strategy with the partner bodies',
  'Review the value for money of the council contribution',
  'Report progress to the Corporate Governance Review Panel',
  'Consult service users on the outcomes they want',
  'Record the dispute resolution process in the agreement',
];

const OWNERS = ['officer', 'dylan', 'llyr', 'angharad', 'gareth', 'mererid', 'tomos', 'aled', 'nia'];

function actions(
  today: string,
  collabs: DemoRecord[],
  reviewRows: DemoRecord[],
  count: number,
  rand: () => number,
): DemoRecord[] {
  const out: DemoRecord[] = [];
  PROGRAMME.forEach(([title, start, due, state], i) => {
    out.push({
      Title: title,
      ActionKey: `ACT-${String(out.length + 1).padStart(6, '0')}`,
      ActionScope: word('actionScope', 'programme'),
      CollaborationId: null,
      ReviewId: null,
      OwnerId: userId(i % 2 === 0 ? 'governance' : 'huw'),
      StartDate: dt(addDays(today, start)),
      DueDate: dt(addDays(today, due)),
      Progress: state === 'complete' ? 100 : due < 0 ? 60 : 10,
      CompletedOn: state === 'complete' ? dt(addDays(today, due - 2)) : null,
      ProgressNote: state === 'complete' ? 'Done.' : null,
    });
  });
  for (let i = 0; out.length < count; i += 1) {
    const collabIndex = (i * 3) % collabs.length;
    const fromReview = i % 5 === 0 && reviewRows.length > 0;
    const reviewIndex = (i * 2) % Math.max(1, reviewRows.length);
    // Spread: due soon, overdue, complete, no dates, later.
    const pattern = i % 6;
    let start: string | null = addDays(today, -(10 + ((i * 13) % 120)));
    let due: string | null;
    let progress = Math.floor(rand() * 90);
    let completed: string | null = null;
    switch (pattern) {
      case 0:
        due = addDays(today, 1 + (i % 10));
        progress = 20 + (i % 30);
        break;
      case 1:
        due = addDays(today, -(1 + ((i * 7) % 30)));
        break;
      case 2:
        due = addDays(today, -(5 + (i % 40)));
        progress = 100;
        completed = addDays(due, -1);
        break;
      case 3:
        start = null;
        due = null;
        progress = 0;
        break;
      default:
        due = addDays(today, 15 + ((i * 17) % 200));
    }
    out.push({
      Title: ACTION_TEXTS[i % ACTION_TEXTS.length],
      ActionKey: `ACT-${String(out.length + 1).padStart(6, '0')}`,
      ActionScope: word('actionScope', fromReview ? 'review' : 'collaboration'),
      CollaborationId: fromReview ? (reviewRows[reviewIndex] as DemoRecord).CollaborationId : collabIndex + 1,
      ReviewId: fromReview ? reviewIndex + 1 : null,
      OwnerId: userId(OWNERS[i % OWNERS.length] ?? 'officer'),
      StartDate: dt(start),
      DueDate: dt(due),
      Progress: progress,
      CompletedOn: dt(completed),
      ProgressNote: progress > 0 && progress < 100 ? 'On track with partners; next update at the panel.' : null,
    });
  }
  return out;
}

// ---------------------------------------------------------------- channels

const CHANNELS: readonly {
  key: string;
  mapping: string;
  title: string;
  titleCy?: string;
  kind: 'directorate' | 'panel';
  name: string;
}[] = [
  {
    key: 'education',
    mapping: 'dir-education',
    title: 'Education',
    titleCy: 'Addysg',
    kind: 'directorate',
    name: 'Education – partnerships',
  },
  {
    key: 'social-services',
    mapping: 'dir-social-services',
    title: 'Social Services',
    titleCy: 'Gwasanaethau Cymdeithasol',
    kind: 'directorate',
    name: 'Social Services – partnerships',
  },
  {
    key: 'economy-environment',
    mapping: 'dir-economy-environment',
    title: 'Economy and Environment',
    titleCy: "Economi a'r Amgylchedd",
    kind: 'directorate',
    name: 'Economy and Environment – partnerships',
  },
  {
    key: 'corporate-services',
    mapping: 'dir-corporate-services',
    title: 'Corporate Services',
    titleCy: 'Gwasanaethau Corfforaethol',
    kind: 'directorate',
    name: 'Corporate Services – partnerships',
  },
  {
    key: 'cgrp',
    mapping: 'panel-cgrp',
    title: 'Corporate Governance Review Panel',
    titleCy: 'Panel Adolygu Llywodraethu Corfforaethol',
    kind: 'panel',
    name: 'Corporate Governance Review Panel',
  },
  {
    key: 'gac',
    mapping: 'panel-gac',
    title: 'Governance and Audit Committee',
    titleCy: 'Pwyllgor Llywodraethu ac Archwilio',
    kind: 'panel',
    name: 'Governance and Audit Committee',
  },
];

/** A demo record's panel: its key, or (legacy) the panel's English name. */
function demoPanel(key: string, byName: boolean): string {
  return byName ? (CHANNELS.find((c) => c.mapping === key)?.title ?? key) : key;
}

/** The key a demo record's panel stands for, whether it holds the key or the name. */
function panelKey(value: string): string {
  return CHANNELS.find((c) => c.mapping === value || c.title === value)?.mapping ?? value;
}

/** Generates the demo register. `today` is an ISO date (YYYY-MM-DD). */
export function generateDemoData(today: string, options: DemoOptions = {}): DemoData {
  const size = Math.max(1, Math.floor(options.size ?? CURATED.length));
  const rand = prng(options.seed ?? 20_14);
  const partnerRows = partners();
  const collabRows = collaborations(
    today,
    size,
    rand,
    partnerRows.length,
    partnerRows.map((p) => String(p.Title)),
  );
  const reviewCount = size <= CURATED.length ? 15 : Math.floor(size * 0.4);
  const reviewRows = reviews(today, collabRows, reviewCount, rand);
  const actionCount = size <= CURATED.length ? 40 : size;
  const { templates, questions } = templateRows();
  const assessed = assessments(today, collabRows, CURATED.length);
  // The register shows each curated collaboration's latest submitted assessment; generated
  // (benchmark) records keep a summary with no assessment behind it.
  for (let i = 0; i < Math.min(CURATED.length, collabRows.length); i += 1) {
    const row = collabRows[i] as DemoRecord;
    const last = assessed.latest.get(i);
    row.LastAssessmentScore = last?.score ?? null;
    row.LastAssessmentRag = last?.rag ?? null;
  }
  return {
    partners: partnerRows,
    collaborations: collabRows,
    reviews: reviewRows,
    actions: actions(today, collabRows, reviewRows, actionCount, rand),
    channelMappings: CHANNELS.map((ch) => ({
      Title: ch.title,
      TitleCy: ch.titleCy ?? null,
      MappingKey: ch.mapping,
      MappingKind: word('mappingKind', ch.kind),
      ChannelKey: ch.key,
      ChannelName: ch.name,
      TeamId: null,
      ChannelId: null,
      Language: word('language', 'both'),
    })),
    reminderChannels: CHANNELS.map((ch) => ({
      Title: ch.name,
      ChannelKey: ch.key,
      Transport: word('transport', 'devInbox'),
      SecretName: null,
      Enabled: true,
    })),
    assessmentTemplates: templates,
    assessmentQuestions: questions,
    assessments: assessed.rows,
    reminderLog: [],
  };
}

function guidFrom(rand: () => number): string {
  const word = () =>
    Math.floor(rand() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  const hex = `${word()}${word()}${word()}${word()}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * Inserts demo records straight into the store in one transaction (fast
 * enough for 50,000 collaborations). Choice values are checked against the
 * schema so a mistake in the generator fails loudly.
 */
export function loadDemoData(store: SiteStore, data: DemoData, authorId: number, now: string): void {
  const rand = prng(7);
  store.transaction(() => {
    for (const def of LISTS) {
      const rows = data[def.key] ?? [];
      if (rows.length === 0) continue;
      const list = store.listByTitle(def.title);
      if (!list) throw new Error(`Demo data: list ${def.title} is not provisioned`);
      const fields = store.fields(list).filter((f) => !f.readOnly && f.typeAsString !== 'Computed');
      let id = list.nextItemId;
      for (const rec of rows) {
        const values: Record<string, unknown> = {};
        for (const f of fields) {
          const name = restName(f);
          const v = rec[name];
          if (v === undefined) {
            values[name] = isMulti(f) ? [] : null;
            continue;
          }
          if (f.choices && typeof v === 'string' && !f.choices.includes(v))
            throw new Error(`Demo data: ${def.title}.${name} '${v}'`);
          values[name] = v;
        }
        for (const k of Object.keys(rec)) {
          if (!(k in values)) throw new Error(`Demo data: ${def.title} has no column ${k}`);
        }
        const row = {
          id,
          version: 1,
          uiVersion: 1,
          data: values,
          created: now,
          modified: now,
          authorId,
          editorId: authorId,
          guid: guidFrom(rand),
        };
        store.insertItem(list, row);
        id += 1;
      }
      store.saveList({ ...list, nextItemId: id, itemCount: list.itemCount + rows.length, lastItemModified: now });
    }
  });
}
