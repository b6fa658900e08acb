/**
 * The governance reports as tables, and the tables as an Excel workbook. No
 * rule lives here: every figure comes from the domain (quarterlyList,
 * annualSummary); this module only names the columns in the person's language
 * and lays the values out. The page and the workbook are drawn from the same
 * tables, so what the committee reads on paper is what the spreadsheet holds.
 */
import type { TFunction } from 'i18next';
import {
  ASSURANCE_LEVELS,
  ASSURANCE_MOVEMENTS,
  NOT_ASSESSED,
  OUTCOMES,
  RAGS,
  REVIEW_KINDS,
  SIGNIFICANCE_TIERS,
  type AnnualPapers,
  type AnnualSummary,
  type CostLine,
  type IsoDate,
  type QuarterlyRow,
  type Rag,
  type ReviewState,
} from '../../../domain';
import type { AssuranceOverview } from '../../../domain/assuranceStatement';
import type { Locale } from '../../../i18n';
import { paths } from '../../app/router';
import { sheetValue } from '../../../transfer/xlsx';
import { displayTitle, panelLabel } from '../../components/recordText';
import type { Panel } from '../../../domain/panels';

/** How a status mark looks: a shape as well as a colour, so it reads in black and white. */
export type Tone = 'danger' | 'warning' | 'success' | 'neutral';

export type ReportCell =
  | { readonly kind: 'text'; readonly value: string; readonly link?: string }
  | { readonly kind: 'date'; readonly value: IsoDate }
  /** `money`: pounds, shown as currency (£3,000.30) and kept a number in Excel. */
  | { readonly kind: 'number'; readonly value: number; readonly money?: boolean }
  | { readonly kind: 'mark'; readonly value: string; readonly tone: Tone }
  | { readonly kind: 'empty' };

export interface ReportTable {
  /** Stable id: the page's section id and the test's handle. */
  readonly id: string;
  /** The heading on the page. */
  readonly title: string;
  /** The worksheet's name (made valid and unique when written). */
  readonly sheet: string;
  readonly headings: readonly string[];
  readonly rows: readonly (readonly ReportCell[])[];
}

const text = (value: string | undefined, link?: string): ReportCell =>
  value ? { kind: 'text', value, ...(link ? { link } : {}) } : { kind: 'empty' };
const date = (value: IsoDate | undefined): ReportCell => (value ? { kind: 'date', value } : { kind: 'empty' });
const num = (value: number | undefined): ReportCell =>
  value === undefined ? { kind: 'empty' } : { kind: 'number', value };
const pounds = (value: number | undefined): ReportCell =>
  value === undefined ? { kind: 'empty' } : { kind: 'number', value, money: true };

const STATE_TONE: Readonly<Record<ReviewState, Tone>> = {
  overdue: 'danger',
  dueToday: 'warning',
  dueSoon: 'warning',
  onTrack: 'success',
  notScheduled: 'neutral',
};
const RAG_TONE: Readonly<Record<Rag, Tone>> = { red: 'danger', amber: 'warning', green: 'success' };

/** The quarterly list as one table. */
export function quarterlyTable(rows: readonly QuarterlyRow[], t: TFunction, locale: Locale): ReportTable {
  return {
    id: 'quarterly',
    title: t('report.quarterly.tableTitle'),
    sheet: t('report.quarterly.sheet'),
    headings: [
      t('fields.reference'),
      t('fields.title'),
      t('fields.directorate'),
      t('fields.leadOfficer'),
      t('fields.headOfService'),
      t('fields.status'),
      t('report.quarterly.columns.reviewState'),
      t('fields.nextReviewDue'),
      t('report.quarterly.columns.lastReview'),
      t('report.quarterly.columns.lastOutcome'),
      t('report.quarterly.columns.rag'),
      t('report.quarterly.columns.score'),
      t('report.quarterly.columns.openActions'),
      t('report.quarterly.columns.overdueActions'),
    ],
    rows: rows.map((r) => [
      text(r.reference),
      text(displayTitle(r, locale), paths.record(r.reference)),
      text(r.directorate),
      text(r.leadOfficer),
      text(r.headOfService),
      text(t(`vocab.status.${r.status}`)),
      { kind: 'mark', value: t(`tab.reviewState.${r.reviewState}`), tone: STATE_TONE[r.reviewState] },
      date(r.nextReviewDue),
      date(r.lastReviewHeldOn),
      text(r.lastOutcome ? t(`vocab.outcome.${r.lastOutcome}`) : undefined),
      r.lastRag ? { kind: 'mark', value: t(`vocab.rag.${r.lastRag}`), tone: RAG_TONE[r.lastRag] } : { kind: 'empty' },
      num(r.lastScore),
      num(r.openActions),
      num(r.overdueActions),
    ]),
  };
}

/** The annual summary as its tables, in the order the committee reads them. */
/** `panels`: the panels (channel mappings) to name a review's panel by, in the person's language. */
export function annualTables(
  summary: AnnualSummary,
  t: TFunction,
  locale: Locale,
  panels: readonly Panel[] = [],
): ReportTable[] {
  const section = (key: string) => ({
    id: key,
    title: t(`report.annual.sections.${key}.title`),
    sheet: t(`report.annual.sections.${key}.sheet`),
  });
  const col = (key: string) => t(`report.annual.columns.${key}`);
  const fig = (key: string) => t(`report.annual.figures.${key}`);
  const f = summary.figures;
  const title = (r: { title?: string; titleCy?: string; reference?: string }) =>
    r.title === undefined
      ? { kind: 'empty' as const }
      : text(
          displayTitle({ title: r.title, ...(r.titleCy ? { titleCy: r.titleCy } : {}) }, locale),
          r.reference ? paths.record(r.reference) : undefined,
        );

  const figures: ReportTable = {
    ...section('figures'),
    headings: [fig('figure'), fig('value')],
    rows: (
      [
        ['partnerOrganisations', f.partnerOrganisations.inCurrentArrangements],
        ['partnerList', f.partnerOrganisations.onPartnerList],
        ['arrangements', f.arrangements],
        ['formalPartnerships', f.formalPartnerships],
        ['collaborations', f.collaborations],
        ['councilLeads', f.councilLeads],
        ['statutoryGoodPracticeOrFunded', f.statutoryGoodPracticeOrFunded],
        ['inScope', f.inScope],
        ['outOfScope', f.outOfScope],
        ['reviewsHeld', summary.reviews.held],
        ['started', summary.started.length],
        ['reformed', summary.reformed.length],
        ['withdrawn', summary.withdrawn.length],
        ['actionsCompleted', summary.actions.completed.length],
        ['actionsOverdue', summary.actions.overdue.length],
      ] as const
    ).map(([key, value]) => [text(fig(key)), num(value)]),
  };

  const outcomeKeys = [...OUTCOMES, 'none'] as const;
  const outcomeHeading = (o: (typeof outcomeKeys)[number]) =>
    o === 'none' ? col('noOutcome') : t(`vocab.outcome.${o}`);
  const byKind: ReportTable = {
    ...section('reviewsByKind'),
    headings: [col('kind'), ...outcomeKeys.map(outcomeHeading), col('total')],
    rows: [
      ...REVIEW_KINDS.map((k) => [
        text(t(`vocab.reviewKind.${k}`)),
        ...outcomeKeys.map((o) => num(summary.reviews.byKindAndOutcome[k][o])),
        num(summary.reviews.byKind[k]),
      ]),
      [text(col('total')), ...outcomeKeys.map((o) => num(summary.reviews.byOutcome[o])), num(summary.reviews.held)],
    ],
  };

  const reviews: ReportTable = {
    ...section('reviews'),
    headings: [col('heldOn'), t('fields.reference'), t('fields.title'), col('kind'), col('outcome'), t('fields.panel')],
    rows: summary.reviews.list.map((r) => [
      date(r.heldOn),
      text(r.reference),
      title(r),
      text(t(`vocab.reviewKind.${r.kind}`)),
      text(r.outcome ? t(`vocab.outcome.${r.outcome}`) : col('noOutcome')),
      text(r.panel ? panelLabel(r.panel, panels, locale) : undefined),
    ]),
  };

  const started: ReportTable = {
    ...section('started'),
    headings: [
      col('on'),
      t('fields.reference'),
      t('fields.title'),
      t('fields.directorate'),
      t('fields.model'),
      t('fields.status'),
    ],
    rows: summary.started.map((r) => [
      date(r.startDate),
      text(r.reference),
      title(r),
      text(r.directorate),
      text(t(`vocab.model.${r.model}`)),
      text(t(`vocab.status.${r.status}`)),
    ]),
  };

  const change = (key: 'reformed' | 'withdrawn'): ReportTable => ({
    ...section(key),
    headings: [
      col('on'),
      t('fields.reference'),
      t('fields.title'),
      t('fields.directorate'),
      t('fields.status'),
      col('source'),
      col('note'),
    ],
    rows: summary[key].map((r) => [
      date(r.on),
      text(r.reference),
      title(r),
      text(r.directorate),
      text(t(`vocab.status.${r.status}`)),
      text(t(`report.annual.source.${r.source}`)),
      text(r.note),
    ]),
  });

  const actionTable = (key: 'completed' | 'overdue'): ReportTable => ({
    ...section(key),
    headings: [
      col('action'),
      t('fields.reference'),
      t('fields.title'),
      col('owner'),
      col('dueDate'),
      col('completedOn'),
    ],
    rows: summary.actions[key].map((a) => [
      text(a.title),
      text(a.reference),
      a.collaborationTitle
        ? title({
            title: a.collaborationTitle,
            ...(a.collaborationTitleCy ? { titleCy: a.collaborationTitleCy } : {}),
            ...(a.reference ? { reference: a.reference } : {}),
          })
        : { kind: 'empty' },
      text(a.owner),
      date(a.dueDate),
      date(a.completedOn),
    ]),
  });

  const outOfScope: ReportTable = {
    ...section('outOfScope'),
    headings: [t('fields.reference'), t('fields.title'), t('fields.directorate'), t('fields.model'), col('reason')],
    rows: summary.outOfScope.map((r) => [
      text(r.reference),
      title(r),
      text(r.directorate),
      text(t(`vocab.model.${r.model}`)),
      text(t(`scope.${r.reason}`)),
    ]),
  };

  // Reforms and withdrawals counted in no year until the governance team dates them.
  const undated: ReportTable = {
    ...section('undated'),
    headings: [
      col('change'),
      t('fields.reference'),
      t('fields.title'),
      t('fields.directorate'),
      t('fields.status'),
      col('source'),
    ],
    rows: summary.undated.map((r) => [
      text(t(`report.annual.changeKind.${r.kind}`)),
      text(r.reference),
      title(r),
      text(r.directorate),
      text(t(`vocab.status.${r.status}`)),
      text(t(`report.annual.source.${r.source}`)),
    ]),
  };

  return [
    figures,
    byKind,
    reviews,
    started,
    change('reformed'),
    change('withdrawn'),
    ...(summary.undated.length > 0 ? [undated] : []),
    actionTable('completed'),
    actionTable('overdue'),
    outOfScope,
  ];
}

/**
 * The annual assurance statements as two tables: each statement made for the year (the
 * directorate, who confirmed, on what date, complete and correct or not yet, their comment),
 * then the directorates yet to confirm, with the Heads of Service expected to. The page, the
 * workbook and the Word document all show these. Directorates are named as the register names
 * them (the register keeps no Welsh name for a directorate).
 */
export function statementTables(overview: AssuranceOverview, t: TFunction): ReportTable[] {
  const k = 'report.annual.statements';
  const answered = overview.directorates.filter((d) => d.statement !== undefined);
  const pending = overview.directorates.filter((d) => d.statement === undefined);
  return [
    {
      id: 'statements',
      title: t(`${k}.title`),
      sheet: t(`${k}.sheet`),
      headings: [
        t(`${k}.directorate`),
        t(`${k}.confirmedBy`),
        t(`${k}.confirmedOn`),
        t(`${k}.complete`),
        t(`${k}.comment`),
      ],
      rows: answered.flatMap((d) =>
        d.statement
          ? [
              [
                text(d.directorate),
                text(d.statement.confirmedBy.displayName),
                date(d.statement.confirmedOn),
                d.statement.complete
                  ? { kind: 'mark', value: t(`${k}.yes`), tone: 'success' }
                  : { kind: 'mark', value: t(`${k}.notYet`), tone: 'warning' },
                text(d.statement.comment),
              ] satisfies ReportCell[],
            ]
          : [],
      ),
    },
    {
      id: 'statementsPending',
      title: t(`${k}.pendingTitle`),
      sheet: t(`${k}.pendingSheet`),
      headings: [t(`${k}.directorate`), t(`${k}.expected`)],
      rows: pending.map((d) => [
        text(d.directorate),
        text(d.expected.length > 0 ? d.expected.map((p) => p.displayName).join(', ') : t(`${k}.noneExpected`)),
      ]),
    },
  ];
}

/** "2025–26": a financial year as councils write it. */
export function financialYearLabel(startYear: number, separator = '–'): string {
  return `${startYear}${separator}${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The annual report as committee papers: the summary's figures, then the comparison with the
 * year before, the cost totals, the RAG and significance counts, then the summary's other
 * tables (the overdue actions name their owners). The page, the workbook and the Word
 * document are drawn from these tables.
 */
export function annualPapersTables(
  papers: AnnualPapers,
  t: TFunction,
  locale: Locale,
  panels: readonly Panel[] = [],
): ReportTable[] {
  const [figures, ...rest] = annualTables(papers.summary, t, locale, panels);
  const section = (key: string) => ({
    id: key,
    title: t(`report.papers.sections.${key}.title`),
    sheet: t(`report.papers.sections.${key}.sheet`),
  });
  const col = (key: string) => t(`report.papers.columns.${key}`);
  const moneyHeadings = [col('arrangements'), col('costed'), col('annualCost'), col('councilContribution')];
  const money = (l: CostLine) => [
    num(l.arrangements),
    num(l.costed),
    pounds(l.annualCost),
    pounds(l.councilContribution),
  ];
  const totalRow = (l: CostLine) => [text(col('total')), ...money(l)];

  const comparison: ReportTable = {
    ...section('comparison'),
    headings: [
      col('measure'),
      t('report.papers.columns.previousYear', { year: financialYearLabel(papers.year - 1) }),
      t('report.papers.columns.thisYear', { year: financialYearLabel(papers.year) }),
      col('change'),
    ],
    rows: papers.comparison.map((c) => [
      text(t(`report.papers.measures.${c.measure}`)),
      num(c.previous),
      num(c.current),
      num(c.change),
    ]),
  };
  const costsByDirectorate: ReportTable = {
    ...section('costsByDirectorate'),
    headings: [t('fields.directorate'), ...moneyHeadings],
    rows: [
      ...papers.costs.byDirectorate.map((l) => [text(l.key || col('noDirectorate')), ...money(l)]),
      totalRow(papers.costs.total),
    ],
  };
  const costsByModel: ReportTable = {
    ...section('costsByModel'),
    headings: [t('fields.model'), ...moneyHeadings],
    rows: [
      ...papers.costs.byModel.map((l) => [text(t(`vocab.model.${l.key}`)), ...money(l)]),
      totalRow(papers.costs.total),
    ],
  };
  const counted = (n: Readonly<Record<string, number>>) => Object.values(n).reduce((a, b) => a + b, 0);
  const rag: ReportTable = {
    ...section('rag'),
    headings: [col('rag'), col('arrangements')],
    rows: [
      ...RAGS.map((r): ReportCell[] => [
        { kind: 'mark', value: t(`vocab.rag.${r}`), tone: RAG_TONE[r] },
        num(papers.rag[r]),
      ]),
      [text(col('notAssessed')), num(papers.rag[NOT_ASSESSED])],
      [text(col('total')), num(counted(papers.rag))],
    ],
  };
  const significance: ReportTable = {
    ...section('significance'),
    headings: [col('significance'), col('arrangements')],
    rows: [
      ...SIGNIFICANCE_TIERS.map((s) => [text(t(`vocab.significance.${s}`)), num(papers.significance[s])]),
      [text(col('notAssessed')), num(papers.significance[NOT_ASSESSED])],
      [text(col('total')), num(counted(papers.significance))],
    ],
  };
  const assurance: ReportTable = {
    ...section('assurance'),
    headings: [col('assurance'), col('arrangements')],
    rows: [
      ...ASSURANCE_LEVELS.map((l) => [text(t(`vocab.assurance.${l}`)), num(papers.assurance.levels[l])]),
      [text(col('noAssurance')), num(papers.assurance.levels[NOT_ASSESSED])],
      [text(col('total')), num(counted(papers.assurance.levels))],
    ],
  };
  const assuranceMovement: ReportTable = {
    ...section('assuranceMovement'),
    headings: [col('movement'), col('arrangements')],
    rows: ASSURANCE_MOVEMENTS.map((m) => [text(t(`report.papers.movement.${m}`)), num(papers.assurance.movement[m])]),
  };
  const assuranceDown: ReportTable = {
    ...section('assuranceDown'),
    headings: [t('fields.reference'), t('fields.title'), col('levelBefore'), col('levelNow')],
    rows: papers.assurance.down.map((d) => [
      text(d.reference),
      text(
        displayTitle({ title: d.title, ...(d.titleCy ? { titleCy: d.titleCy } : {}) }, locale),
        paths.record(d.reference),
      ),
      text(t(`vocab.assurance.${d.from}`)),
      text(t(`vocab.assurance.${d.to}`)),
    ]),
  };
  return [
    ...(figures ? [figures] : []),
    comparison,
    costsByDirectorate,
    costsByModel,
    rag,
    significance,
    assurance,
    assuranceMovement,
    assuranceDown,
    ...rest,
  ];
}

/** Characters Excel refuses in a sheet name; it may not start or end with an apostrophe either. */
const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;

/**
 * A valid, unique worksheet name: at most 31 characters (counted as Excel
 * counts them, so ŵ and ŷ are one each), none of \ / ? * [ ] :, no
 * apostrophe at either end, and a number added when the name is taken.
 */
export function sheetName(wanted: string, taken: ReadonlySet<string>): string {
  const clean = (s: string) =>
    s
      .normalize('NFC')
      .replace(BAD_SHEET_CHARS, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '');
  const base = clean(wanted) || 'Sheet';
  const cut = (s: string, max: number) => clean([...s].slice(0, max).join(''));
  let name = cut(base, 31);
  for (let n = 2; [...taken].some((x) => x.toLowerCase() === name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = `${cut(base, 31 - suffix.length)}${suffix}`;
  }
  return name;
}

/**
 * The workbook: one sheet per table, the heading row bold and frozen, dates
 * as dates (dd/mm/yyyy), counts as numbers, widths that fit the headings and
 * values. exceljs is loaded only when a workbook is asked for.
 */
export async function toWorkbook(
  tables: readonly ReportTable[],
  meta: { readonly title: string; readonly creator?: string },
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator ?? 'Collaboration Register';
  workbook.title = meta.title;
  const taken = new Set<string>();
  for (const table of tables) {
    const name = sheetName(table.sheet, taken);
    taken.add(name);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.headings.map((header, i) => {
      const longest = Math.max(
        header.length,
        ...table.rows.map((row) => {
          const cell = row[i];
          if (!cell || cell.kind === 'empty') return 0;
          if (cell.kind === 'date') return 10;
          return String(cell.value).length;
        }),
      );
      return { header, key: `c${i}`, width: Math.min(60, Math.max(10, longest + 2)) };
    });
    const heading = sheet.getRow(1);
    heading.font = { bold: true };
    heading.alignment = { wrapText: true, vertical: 'top' };
    for (const row of table.rows) {
      sheet.addRow(row.map(sheetValue));
    }
    table.headings.forEach((_h, i) => {
      const first = table.rows.find((r) => r[i] !== undefined && r[i]?.kind !== 'empty')?.[i];
      const column = sheet.getColumn(i + 1);
      if (first?.kind === 'date') column.numFmt = 'dd/mm/yyyy';
      else if (first?.kind === 'number' && first.money) column.numFmt = '£#,##0.00';
    });
    heading.numFmt = '@';
    if (table.rows.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headings.length } };
    }
  }
  return workbook.xlsx.writeBuffer();
}
