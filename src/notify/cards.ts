import type { Person } from '../domain/collaboration';
import type { IsoDate } from '../domain/dates';
import type { ChannelLanguage } from '../domain/entities';
import type { Reminder, ReminderKind } from '../domain/reminders';
import type { Rag } from '../domain/vocabulary';
import type { PanelCardInput } from '../domain/ports';
import { formatDate, translate, type Locale } from '../i18n';
import {
  CARD_SCHEMA,
  CARD_VERSION,
  MAX_MESSAGE_BYTES,
  jsonBytes,
  messageBytes,
  type ActionSet,
  type AdaptiveCard,
  type CardElement,
  type Container,
  type Fact,
  type FactSet,
  type TextBlock,
  type TextColor,
} from './cardSchema';
import { cardText, clip } from './escape';

/**
 * Adaptive Cards built from domain data (STYLE.md, example 13): typed input,
 * escaped in one place, schema 1.5, every word from the catalogues.
 *
 * ESCAPING: the element builders below (`text`, `fact`) are the only code that
 * writes card text, and they pass every string through `cardText` (escape.ts),
 * catalogue text and user text alike. Callers hand them plain strings.
 *
 * LANGUAGE: a channel reads English (`en`), Welsh (`cy`) or both (`both`). In
 * `both`, each label and date is given in Welsh then English ("Yn hwyr /
 * Overdue"), the Welsh first, as Welsh councils' language standards ask.
 */

/** Where a card's "Open" buttons go. The caller decides: a Teams deep link in production, the local tab in dev. */
export interface RecordLinks {
  /** The collaboration's record in the tab. */
  collaboration(reference: string): string;
  /** The programme's action plan (actions that belong to no collaboration). */
  programme(): string;
  /** The annual assurance statements of a financial year (`#/statements?year=2026`). */
  statements(year: number): string;
}

/** A parameter: plain (unescaped) text, or text that depends on the language (a date, another message). */
type Param = string | number | ((locale: Locale) => string);
type Params = Readonly<Record<string, Param>>;

const LOCALES_OF: Readonly<Record<ChannelLanguage, readonly Locale[]>> = {
  en: ['en-GB'],
  cy: ['cy-GB'],
  both: ['cy-GB', 'en-GB'],
};

function inLocale(locale: Locale, key: string, params: Params): string {
  const resolved: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params))
    resolved[name] = typeof value === 'function' ? value(locale) : value;
  return translate(locale, key, resolved);
}

/** Two texts as one in a bilingual channel (Welsh first). */
function bilingual(cy: string | undefined, en: string | undefined): string {
  if (en === undefined || en === cy) return cy ?? '';
  return translate('cy-GB', 'cards.bilingual', { cy: cy ?? '', en });
}

/** A message in the channel's language(s), Welsh first when both. */
export function say(language: ChannelLanguage, key: string, params: Params = {}): string {
  const [first, second] = LOCALES_OF[language].map((l) => inLocale(l, key, params));
  return bilingual(first, second);
}

/** Language-dependent text in the channel's language(s). */
function sayEach(language: ChannelLanguage, text: (locale: Locale) => string): string {
  const [first, second] = LOCALES_OF[language].map(text);
  return bilingual(first, second);
}

/** A message as a parameter of another message, in that message's language. */
const msg =
  (key: string, params: Params = {}) =>
  (locale: Locale): string =>
    inLocale(locale, key, params);

/** A date as a parameter, in the message's language. */
const date =
  (iso: IsoDate) =>
  (locale: Locale): string =>
    formatDate(iso, locale);

/** A date in the channel's language(s). */
export function sayDate(language: ChannelLanguage, iso: IsoDate): string {
  return sayEach(language, date(iso));
}

// ---------------------------------------------------------------- element builders (the one place text is escaped)

const TITLE_MAX = 255;

function text(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: cardText(clip(value, 2000)), wrap: true, ...options };
}

function fact(title: string, value: string): Fact {
  return { title: cardText(clip(title, 200)), value: cardText(clip(value, 600)) };
}

function factSet(facts: readonly Fact[]): FactSet {
  return { type: 'FactSet', facts, spacing: 'Small' };
}

function openButton(language: ChannelLanguage, url: string): ActionSet {
  return {
    type: 'ActionSet',
    spacing: 'Small',
    actions: [{ type: 'Action.OpenUrl', title: say(language, 'cards.open'), url }],
  };
}

function card(language: ChannelLanguage, body: readonly CardElement[], fallbackKey: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    msteams: { width: 'Full' },
    fallbackText: say(language, fallbackKey),
    body,
  };
}

// ---------------------------------------------------------------- the digest

export const DIGEST_SECTIONS = [
  'reviewsOverdue',
  'reviewsDueToday',
  'reviewsDueSoon',
  'actionsOverdue',
  'actionsDue',
  'assessmentsNotSubmitted',
  'assessmentsDue',
  'statementsOverdue',
  'statementsDue',
] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

const SECTION_OF: Readonly<Record<ReminderKind, DigestSection>> = {
  reviewOverdue: 'reviewsOverdue',
  reviewDueToday: 'reviewsDueToday',
  reviewDueSoon: 'reviewsDueSoon',
  actionOverdue: 'actionsOverdue',
  actionDueToday: 'actionsDue',
  actionDueSoon: 'actionsDue',
  assessmentNotSubmitted: 'assessmentsNotSubmitted',
  assessmentDueToday: 'assessmentsDue',
  assessmentDueSoon: 'assessmentsDue',
  statementOverdue: 'statementsOverdue',
  statementDueSoon: 'statementsDue',
  statementRequested: 'statementsDue',
};

export function sectionOf(reminder: Pick<Reminder, 'kind'>): DigestSection {
  return SECTION_OF[reminder.kind];
}

/** What a digest card says about one channel's reminders. */
export interface DigestInput {
  readonly channelName: string;
  readonly language: ChannelLanguage;
  readonly today: IsoDate;
  /** One channel's reminders (groupByChannel orders them). */
  readonly reminders: readonly Reminder[];
  readonly links: RecordLinks;
}

export interface DigestPart {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  /** Marks the card so a transport can later find the message (see job.ts, recovery). */
  readonly postId?: string;
}

function stateOf(language: ChannelLanguage, r: Reminder): string {
  let state: ReturnType<typeof msg>;
  if (r.daysOverdue > 0) {
    state = msg('cards.state.overdue', { count: r.daysOverdue });
  } else if (r.daysOverdue === 0) state = msg('cards.state.dueToday');
  else if (r.daysOverdue === -1) state = msg('cards.state.dueTomorrow');
  else state = msg('cards.state.dueInDays', { count: -r.daysOverdue });
  return r.repeat !== undefined && r.repeat > 1
    ? say(language, 'cards.state.withReminder', { state, n: r.repeat })
    : sayEach(language, state);
}

function ownerName(owner: Person | undefined): string | undefined {
  const name = owner?.displayName.trim();
  return name === undefined || name === '' ? undefined : name;
}

function linkFor(links: RecordLinks, r: Reminder): string {
  if (r.item === 'review') return links.collaboration(r.itemRef);
  if (r.collaborationReference !== undefined) return links.collaboration(r.collaborationReference);
  return links.programme();
}

/** A name in the channel's language(s): the Welsh one where there is one, Welsh first when both. */
function nameIn(language: ChannelLanguage, en: string, cy: string | undefined): string {
  const welsh = cy?.trim() ? cy : undefined;
  if (language === 'en' || welsh === undefined || welsh === en) return en;
  if (language === 'cy') return welsh;
  return translate('cy-GB', 'cards.bilingual', { cy: welsh, en });
}

/** "2026–27". */
const yearLabel = (year: number): string => `${year}–${String((year + 1) % 100).padStart(2, '0')}`;

/**
 * A directorate's annual assurance statement still to confirm: the directorate and the year,
 * the due date, the state, the Heads of Service expected to confirm (by name only, never an
 * address), and Open to the year's statements in the tab.
 */
function statementElement(language: ChannelLanguage, r: Reminder, links: RecordLinks): Container {
  const year = r.statementYear ?? Number(r.dueDate.slice(0, 4)) - 1;
  const names = (r.expected ?? []).map((p) => ownerName(p)).filter((n): n is string => n !== undefined);
  const facts: Fact[] = [
    fact(say(language, 'cards.facts.due'), sayDate(language, r.dueDate)),
    fact(say(language, 'cards.facts.state'), stateOf(language, r)),
    fact(
      say(language, 'cards.statement.expected'),
      names.length > 0 ? names.join(', ') : say(language, 'cards.statement.nobody'),
    ),
  ];
  const color: TextColor | undefined = r.overdue ? 'Attention' : undefined;
  return {
    type: 'Container',
    separator: true,
    spacing: 'Small',
    items: [
      text(
        `${clip(nameIn(language, r.title, r.titleCy), TITLE_MAX)} · ${say(language, 'cards.statement.name', { year: yearLabel(year) })}`,
        { weight: 'Bolder', ...(color ? { color } : {}) },
      ),
      factSet(facts),
      text(say(language, 'cards.statement.ask'), { isSubtle: true, spacing: 'Small' }),
      openButton(language, links.statements(year)),
    ],
  };
}

/** One reminder as a card element: reference and name, due date, state, owner, and Open. */
export function reminderElement(language: ChannelLanguage, r: Reminder, links: RecordLinks): Container {
  if (r.item === 'statement') return statementElement(language, r, links);
  const facts: Fact[] = [
    fact(say(language, 'cards.facts.due'), sayDate(language, r.dueDate)),
    fact(say(language, 'cards.facts.state'), stateOf(language, r)),
    fact(
      say(language, r.item === 'review' ? 'cards.facts.leadOfficer' : 'cards.facts.owner'),
      ownerName(r.owner) ?? say(language, 'cards.facts.noOwner'),
    ),
  ];
  if (r.item !== 'review' && r.collaborationReference !== undefined) {
    facts.push(fact(say(language, 'cards.facts.collaboration'), r.collaborationReference));
  }
  const color: TextColor | undefined = r.overdue ? 'Attention' : r.daysOverdue === 0 ? 'Warning' : undefined;
  return {
    type: 'Container',
    // The item's key, for the machine only (Teams shows no element id): the job and its tests know
    // which reminders a card carries without reading it from a person's text.
    id: r.itemRef,
    separator: true,
    spacing: 'Small',
    items: [
      // A review's reference is the collaboration's, which people know; an action's or an assessment's
      // key (ACT-000123, COL-0001:wlga-principles:1) is the register's own, so its line is its title.
      text(r.item === 'review' ? `${r.itemRef} · ${clip(r.title, TITLE_MAX)}` : clip(r.title, TITLE_MAX), {
        weight: 'Bolder',
        ...(color ? { color } : {}),
      }),
      factSet(facts),
      openButton(language, linkFor(links, r)),
    ],
  };
}

function sectionHeading(language: ChannelLanguage, section: DigestSection, count: number): TextBlock {
  return text(say(language, 'cards.digest.sectionCount', { section: msg(`cards.sections.${section}`), count }), {
    weight: 'Bolder',
    size: 'Medium',
    spacing: 'Large',
    separator: true,
  });
}

function digestHeader(
  input: DigestInput,
  part: DigestPart | undefined,
  totals: { items: number; overdue: number },
): CardElement[] {
  const { language } = input;
  const header: CardElement[] = [
    text(say(language, 'cards.digest.title', { channel: input.channelName }), {
      size: 'Large',
      weight: 'Bolder',
      style: 'heading',
      ...(part?.postId !== undefined ? { id: part.postId } : {}),
    }),
    text(say(language, 'cards.digest.date', { date: date(input.today) }), { isSubtle: true, spacing: 'None' }),
    text(
      say(language, 'cards.digest.summary', {
        count: totals.items,
        overdue: totals.overdue,
      }),
      {
        spacing: 'Small',
      },
    ),
  ];
  if (part !== undefined && part.count > 1) {
    header.push(
      text(say(language, 'cards.digest.part', { part: part.index, parts: part.count }), {
        isSubtle: true,
        spacing: 'None',
      }),
    );
  }
  return header;
}

/** Sections in order, each with its reminders (in the order given). */
function bySection(reminders: readonly Reminder[]): [DigestSection, Reminder[]][] {
  const groups = new Map<DigestSection, Reminder[]>();
  for (const r of reminders) {
    const s = sectionOf(r);
    const list = groups.get(s);
    if (list) list.push(r);
    else groups.set(s, [r]);
  }
  return DIGEST_SECTIONS.filter((s) => groups.has(s)).map((s) => [s, groups.get(s) ?? []]);
}

/**
 * One digest card for a channel: title, date, counts, then the sections (reviews
 * overdue / due today / due soon, actions overdue / due, assessments not
 * submitted / due), each item with its reference and name, due date, state,
 * owner and an Open button. `part` numbers the card when a digest is split.
 */
export function digestCard(input: DigestInput, part?: DigestPart): AdaptiveCard {
  return assembleDigest(input, part, (r) => reminderElement(input.language, r, input.links));
}

function assembleDigest(
  input: DigestInput,
  part: DigestPart | undefined,
  elementOf: (r: Reminder) => Container,
): AdaptiveCard {
  const totals = { items: input.reminders.length, overdue: input.reminders.filter((r) => r.overdue).length };
  const body: CardElement[] = digestHeader(input, part, totals);
  for (const [section, list] of bySection(input.reminders)) {
    body.push(sectionHeading(input.language, section, list.length));
    for (const r of list) body.push(elementOf(r));
  }
  if (part !== undefined && part.index < part.count) {
    body.push(text(say(input.language, 'cards.digest.continued'), { isSubtle: true, separator: true }));
  }
  return card(input.language, body, 'cards.fallback');
}

export interface DigestPost {
  readonly card: AdaptiveCard;
  /** The reminders this post carries, in card order. */
  readonly reminders: readonly Reminder[];
  /** UTF-8 bytes of the whole message payload (as measured by `measure`). */
  readonly bytes: number;
}

export interface SplitOptions {
  /** The largest payload allowed, bytes; default 28,000. */
  readonly maxBytes?: number;
  /** Bytes of the payload that will carry a card; default the Workflows webhook message. */
  readonly measure?: (card: AdaptiveCard) => number;
  /** Marks each part (see DigestPart.postId). */
  readonly postIds?: (index: number) => string | undefined;
}

/**
 * Splits a digest into posts that each stay under the size limit and are each a
 * complete, valid card (with its own title, "part n of m" and section headings).
 * Reminders keep their order; a post holds whole reminders only. Sizes are the
 * UTF-8 bytes of the whole payload's JSON. A single reminder that alone exceeds
 * the limit (it cannot: titles are clipped) would throw a RangeError.
 */
export function splitDigest(input: DigestInput, options: SplitOptions = {}): DigestPost[] {
  const maxBytes = options.maxBytes ?? MAX_MESSAGE_BYTES;
  const measure = options.measure ?? messageBytes;
  const ordered = bySection(input.reminders).flatMap(([, list]) => list);
  // Each reminder's element is built (and escaped) once; cards are assembled from them.
  const elements = new Map<Reminder, Container>();
  const elementOf = (r: Reminder): Container => {
    let e = elements.get(r);
    if (!e) {
      e = reminderElement(input.language, r, input.links);
      elements.set(r, e);
    }
    return e;
  };
  const build = (list: readonly Reminder[], part: DigestPart): AdaptiveCard =>
    assembleDigest({ ...input, reminders: list }, part, elementOf);
  // A placeholder part as wide as any real one ("part 99 of 100", continued, a post id),
  // so that a measured size is an upper bound of the final card's.
  const widest = Number(String(Math.max(1, ordered.length)).replace(/\d/g, '9'));
  const probePart: DigestPart = { index: widest, count: widest + 1, postId: options.postIds?.(0) };
  const fits = (list: readonly Reminder[]): boolean => measure(build(list, probePart)) <= maxBytes;

  const baseBytes = measure(build([], probePart));
  // Element sizes are plain JSON; a payload that re-encodes the card (Graph sends it
  // as a string) grows by about the same ratio as the whole card does.
  const sample = build(ordered.slice(0, 20), probePart);
  const scale = Math.max(1, measure(sample) / messageBytes(sample));
  const headingBytes: Partial<Record<DigestSection, number>> = {};
  for (const section of DIGEST_SECTIONS) {
    headingBytes[section] = (jsonBytes(sectionHeading(input.language, section, widest)) + 1) * scale;
  }

  const split = (budget: number): Reminder[][] => {
    const groups: Reminder[][] = [];
    let current: Reminder[] = [];
    let estimate = baseBytes;
    let previous: DigestSection | undefined;
    for (const r of ordered) {
      const itemBytes = (jsonBytes(elementOf(r)) + 1) * scale;
      const section = sectionOf(r);
      const heading = headingBytes[section] ?? 0;
      const added = itemBytes + (section !== previous || current.length === 0 ? heading : 0);
      // Greedy on the estimate; the exact size is checked only near the limit.
      if (current.length > 0 && estimate + added > budget && !fits([...current, r])) {
        groups.push(current);
        current = [];
        estimate = baseBytes;
      }
      estimate += current.length === 0 ? itemBytes + heading : added;
      current.push(r);
      previous = section;
    }
    if (current.length > 0 || groups.length === 0) groups.push(current);
    return groups;
  };

  let budget = maxBytes;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const groups = split(budget);
    const posts = groups.map((list, i) => {
      const part: DigestPart = { index: i + 1, count: groups.length, postId: options.postIds?.(i) };
      const c = build(list, part);
      return { card: c, reminders: list, bytes: measure(c) };
    });
    const tooBig = posts.find((p) => p.bytes > maxBytes);
    if (!tooBig) return posts;
    if (tooBig.reminders.length <= 1) {
      throw new RangeError(`A single reminder makes a card of ${tooBig.bytes} bytes, over ${maxBytes}`);
    }
    budget *= 0.85;
  }
  throw new RangeError(`Could not split the digest under ${maxBytes} bytes`);
}

// ---------------------------------------------------------------- the review for the panel

/** What the panel's card shows: the domain's PanelCardInput. */
export type PanelReviewInput = PanelCardInput;

const RAG_COLOR: Readonly<Record<Rag, TextColor>> = { red: 'Attention', amber: 'Warning', green: 'Good' };

function titleIn(language: ChannelLanguage, c: PanelReviewInput['collaboration']): string {
  return nameIn(language, c.title, c.titleCy);
}

/**
 * The card posted to a panel's channel for a review: the collaboration, the
 * review's kind and due date, the assessment's RAG rating and score, and Open.
 * The panel discusses it in the card's thread.
 */
export function panelReviewCard(input: PanelReviewInput): AdaptiveCard {
  const { language, collaboration, review, assessment } = input;
  const facts: Fact[] = [
    fact(say(language, 'cards.panel.reviewKind'), say(language, `vocab.reviewKind.${review.kind}`)),
    fact(say(language, 'cards.facts.due'), sayDate(language, review.dueDate)),
    fact(
      say(language, 'cards.facts.leadOfficer'),
      ownerName(collaboration.leadOfficer) ?? say(language, 'cards.facts.noOwner'),
    ),
  ];
  const ragFact =
    assessment?.overallRag !== undefined
      ? say(language, `vocab.rag.${assessment.overallRag}`)
      : say(language, 'cards.panel.noAssessment');
  facts.push(fact(say(language, 'cards.panel.rag'), ragFact));
  if (assessment?.score !== undefined && Number.isFinite(assessment.score)) {
    facts.push(
      fact(
        say(language, 'cards.panel.score'),
        say(language, 'cards.panel.scoreValue', { score: Math.round(assessment.score) }),
      ),
    );
  }
  const body: CardElement[] = [
    text(say(language, 'cards.panel.title'), { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text(`${collaboration.reference} · ${clip(titleIn(language, collaboration), TITLE_MAX)}`, {
      weight: 'Bolder',
      spacing: 'Small',
    }),
    factSet(facts),
  ];
  if (assessment?.overallRag !== undefined) {
    body.push(text(ragFact, { color: RAG_COLOR[assessment.overallRag], weight: 'Bolder', spacing: 'Small' }));
  }
  body.push(
    text(say(language, 'cards.panel.discuss'), { isSubtle: true, spacing: 'Medium' }),
    openButton(language, input.url),
  );
  return card(language, body, 'cards.panel.title');
}
