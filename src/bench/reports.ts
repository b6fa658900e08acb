/**
 * The governance reports over a register of 5,000 collaborations:
 * - domain only: the annual summary and the quarterly list over 5,000
 *   collaborations, 20,000 reviews and 15,000 actions (median of runs);
 * - end to end: from an embedded list server with `--demo-size 5000` data,
 *   through the real repositories (PnPjs), read every list, work out the
 *   annual summary, lay out its tables and write the workbook's bytes; with
 *   the number of HTTP requests it took;
 * - the committee papers' Word document over the same 5,000 collaborations:
 *   the papers (annualPapers), their tables and the .docx bytes (median of runs).
 */
import type { TFunction } from 'i18next';
import { addDays, type IsoDate } from '../domain/dates';
import type { Action, Review } from '../domain/entities';
import type { HistoryEntry } from '../domain/history';
import { annualPapers } from '../domain/annualReport';
import { annualSummary, financialYear, financialYearOf, quarterlyList, type ReportRecord } from '../domain/reports';
import {
  ASSURANCE_LEVELS,
  BASES,
  FOOTPRINTS,
  KINDS,
  MODELS,
  OUTCOMES,
  REVIEW_KINDS,
  STATUSES,
} from '../domain/vocabulary';
import { createRepositories } from '../data/repositories';
import { translate } from '../i18n';
import { loadReportData } from '../ui/features/reports/reportData';
import { formattersFor } from '../ui/app/context';
import { annualWordDocument } from '../ui/features/reports/wordDocument';
import { annualPapersTables, annualTables, toWorkbook } from '../ui/features/reports/workbook';
import { seededRandom as prng } from '../lib/random';
import type { Figure } from './figure';
import { countedSp, median, round, withListServer } from './measure';

/** A synthetic register: `size` collaborations, four reviews and three actions each, dates over six years. */
export function syntheticRegister(size: number, today: IsoDate) {
  const rand = prng(2014);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const day = (back: number, ahead = 0) => addDays(today, Math.floor(rand() * (back + ahead)) - back);
  const records: ReportRecord[] = [];
  const reviews: Review[] = [];
  const actions: Action[] = [];
  const history: HistoryEntry[] = [];
  for (let id = 1; id <= size; id += 1) {
    const status = pick(STATUSES);
    records.push({
      id,
      reference: `COL-${String(id).padStart(5, '0')}`,
      title: `Collaboration ${id}`,
      kind: pick(KINDS),
      model: pick(MODELS),
      purpose: 'Benchmark',
      reasons: [],
      basis: pick(BASES),
      footprint: pick(FOOTPRINTS),
      leadOrganisation: 'Council',
      councilLeads: rand() < 0.3,
      partnerIds: [1 + Math.floor(rand() * 146), 1 + Math.floor(rand() * 146)],
      directorate: pick(['Education', 'Social Services', 'Economy and Environment', 'Corporate Services']),
      status,
      startDate: day(2200),
      ...(status === 'closed' ? { endDate: day(400), exitNote: 'Ended' } : { nextReviewDue: day(120, 240) }),
      reviewFrequency: 'annual',
      serviceRisk: 'low',
      ...(rand() < 0.7
        ? {
            lastAssessmentRag: pick(['red', 'amber', 'green'] as const),
            lastAssessmentScore: 40 + Math.floor(rand() * 60),
          }
        : {}),
    });
    history.push(...syntheticHistory(id, status, day, rand));
    for (let r = 0; r < 4; r += 1) {
      const held = rand() < 0.8;
      const dueDate = day(1400, 60);
      reviews.push({
        key: `REV-${id}-${r}`,
        collaborationId: id,
        title: 'Review',
        kind: pick(REVIEW_KINDS),
        dueDate,
        attendees: [],
        ...(held ? { heldOn: dueDate, outcome: pick(OUTCOMES) } : {}),
      });
    }
    for (let a = 0; a < 3; a += 1) {
      const done = rand() < 0.5;
      const dueDate = day(700, 200);
      actions.push({
        key: `ACT-${id}-${a}`,
        title: 'Action',
        scope: 'collaboration',
        collaborationId: id,
        startDate: addDays(dueDate, -90),
        dueDate,
        progress: done ? 100 : Math.floor(rand() * 90),
        ...(done ? { completedOn: addDays(dueDate, -3) } : {}),
      });
    }
  }
  return { records, reviews, actions, history };
}

/**
 * A record's history as the tab writes it: its first status, a move into a status the reports
 * count (one in ten of them undated, as an imported register's are), and two assurance levels.
 */
function syntheticHistory(
  id: number,
  status: ReportRecord['status'],
  day: (back: number, ahead?: number) => IsoDate,
  rand: () => number,
): HistoryEntry[] {
  const out: HistoryEntry[] = [
    {
      key: `HIS-${id}-status-created`,
      collaborationId: id,
      aspect: 'status',
      to: 'active',
      on: day(2200),
      source: 'created',
    },
  ];
  if (status !== 'active' && status !== 'proposed') {
    const undated = rand() < 0.1;
    out.push({
      key: `HIS-${id}-status-edit`,
      collaborationId: id,
      aspect: 'status',
      from: 'active',
      to: status,
      ...(undated ? {} : { on: day(700) }),
      source: undated ? 'import' : 'edit',
    });
  }
  const levels = ASSURANCE_LEVELS;
  const first = levels[Math.floor(rand() * levels.length)] as string;
  const second = levels[Math.floor(rand() * levels.length)] as string;
  out.push(
    {
      key: `HIS-${id}-assurance-1`,
      collaborationId: id,
      aspect: 'assurance',
      to: first,
      on: day(1100, 0),
      source: 'review',
    },
    {
      key: `HIS-${id}-assurance-2`,
      collaborationId: id,
      aspect: 'assurance',
      from: first,
      to: second,
      on: day(300),
      source: 'review',
    },
  );
  return out;
}

const tEn = ((key: string, params?: Record<string, string | number>) =>
  translate('en-GB', key, params ?? {})) as unknown as TFunction;

export async function benchReports(options: { size?: number; runs?: number } = {}): Promise<Figure[]> {
  const size = options.size ?? 5000;
  const runs = options.runs ?? 15;
  const today = new Date().toISOString().slice(0, 10);
  const period = financialYear(financialYearOf(today));
  const figures: Figure[] = [];

  // 1. Domain only.
  const register = syntheticRegister(size, today);
  const label = `${size}_collabs_${register.reviews.length}_reviews_${register.actions.length}_actions_${register.history.length}_history`;
  const annualMs: number[] = [];
  const quarterlyMs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    let start = performance.now();
    const r = annualSummary({ ...register, period, today });
    annualMs.push(performance.now() - start);
    if (!r.ok) throw new Error('annual summary: bad period');
    start = performance.now();
    quarterlyList(register.records, register.reviews, register.actions, { today });
    quarterlyMs.push(performance.now() - start);
  }
  figures.push({ name: `reports.domain.annual_summary.${label}`, value: round(median(annualMs), 2), unit: 'ms' });
  figures.push({ name: `reports.domain.quarterly_list.${label}`, value: round(median(quarterlyMs), 2), unit: 'ms' });

  // 2. The Word document of the committee papers, from the same register (domain figures to .docx bytes).
  const year = financialYearOf(today);
  const papersMs: number[] = [];
  const wordMs: number[] = [];
  let wordBytes = 0;
  let wordRows = 0;
  const format = formattersFor('en-GB');
  const wordRuns = Math.max(3, Math.floor(runs / 3));
  for (let i = 0; i < wordRuns; i += 1) {
    let start = performance.now();
    const papers = annualPapers({ ...register, year, today });
    if (!papers.ok) throw new Error('annual papers: bad year');
    const tables = annualPapersTables(papers.value, tEn, 'en-GB');
    papersMs.push(performance.now() - start);
    start = performance.now();
    const doc = await annualWordDocument({
      tables,
      narrative: {
        key: `annual-${year}`,
        introduction: 'Benchmark introduction.',
        recommendations: 'Note the report.',
      },
      t: tEn,
      locale: 'en-GB',
      format,
      council: 'Benchmark Council',
      yearLabel: String(year),
      period,
    });
    wordMs.push(performance.now() - start);
    wordBytes = doc.byteLength;
    wordRows = tables.reduce((n, t) => n + t.rows.length, 0);
  }
  figures.push({ name: `reports.domain.annual_papers_tables.${label}`, value: round(median(papersMs), 2), unit: 'ms' });
  figures.push({
    name: `reports.word.annual_document_build.${size}_collabs_${wordRows}_rows`,
    value: round(median(wordMs)),
    unit: 'ms',
  });
  figures.push({ name: 'reports.word.annual_document', value: round(wordBytes / 1024), unit: 'KiB' });

  // 3. End to end through the repositories.
  await withListServer('bench-reports-', { demo: { size }, today }, async (server) => {
    const { sp, requests } = countedSp(server.siteUrl, 'dev:governance');
    const repos = createRepositories(sp);
    // The demo writes no history: give each of its records one as the tab would have written it.
    const demo = await repos.collaborations.all({});
    if (!demo.ok) throw new Error(`read: ${demo.error.code}`);
    const rand = prng(2026);
    const back = (n: number) => addDays(today, -Math.floor(rand() * n));
    const demoHistory = demo.value.flatMap((r) => syntheticHistory(r.id, r.status, back, rand));
    for (let i = 0; i < demoHistory.length; i += 1000) {
      const written = await repos.history.record(demoHistory.slice(i, i + 1000));
      if (!written.ok) throw new Error(`history: ${written.error.code}`);
    }
    const wordMsE2e: number[] = [];
    const readMs: number[] = [];
    const totalMs: number[] = [];
    const computeMs: number[] = [];
    const workbookMs: number[] = [];
    let rowCount = 0;
    let bytes = 0;
    let counts = '';
    const e2eRuns = Math.max(3, Math.floor(runs / 3));
    for (let i = 0; i < e2eRuns; i += 1) {
      requests.count = 0;
      const start = performance.now();
      const data = await loadReportData(repos);
      const read = performance.now() - start;
      if (!data.ok) throw new Error(`read: ${data.error.code}`);
      const summary = annualSummary({ ...data.value, period, today });
      if (!summary.ok) throw new Error('annual summary: bad period');
      const computed = performance.now() - start;
      const book = await toWorkbook(annualTables(summary.value, tEn, 'en-GB'), { title: 'Annual summary' });
      const booked = performance.now() - start;
      // The committee papers as a Word document, from the same read.
      const papers = annualPapers({ ...data.value, year: financialYearOf(today), today });
      if (!papers.ok) throw new Error('annual papers: bad year');
      await annualWordDocument({
        tables: annualPapersTables(papers.value, tEn, 'en-GB'),
        t: tEn,
        locale: 'en-GB',
        format: formattersFor('en-GB'),
        council: 'Benchmark Council',
        yearLabel: String(financialYearOf(today)),
        period,
      });
      totalMs.push(performance.now() - start);
      readMs.push(read);
      computeMs.push(computed - read);
      workbookMs.push(booked - computed);
      wordMsE2e.push(performance.now() - start - booked);
      rowCount =
        summary.value.reviews.list.length +
        summary.value.outOfScope.length +
        summary.value.started.length +
        summary.value.reformed.length +
        summary.value.withdrawn.length +
        summary.value.actions.completed.length +
        summary.value.actions.overdue.length;
      bytes = book.byteLength;
      counts = `${data.value.records.length}_collabs_${data.value.reviews.length}_reviews_${data.value.actions.length}_actions_${data.value.history.length}_history`;
    }
    figures.push({ name: `reports.e2e.annual_summary_read.${counts}`, value: round(median(readMs)), unit: 'ms' });
    figures.push({ name: `reports.e2e.annual_papers_word.${counts}`, value: round(median(wordMsE2e)), unit: 'ms' });
    figures.push({
      name: `reports.e2e.annual_summary_read_compute_workbook_word.${counts}`,
      value: round(median(totalMs)),
      unit: 'ms',
    });
    figures.push({ name: `reports.e2e.annual_summary_compute.${counts}`, value: round(median(computeMs)), unit: 'ms' });
    figures.push({
      name: `reports.e2e.annual_summary_workbook.${rowCount}_rows_9_sheets`,
      value: round(median(workbookMs)),
      unit: 'ms',
    });
    figures.push({ name: 'reports.e2e.annual_summary.requests', value: requests.count, unit: 'requests' });
    figures.push({ name: 'reports.e2e.annual_summary.workbook', value: round(bytes / 1024), unit: 'KiB' });
  });
  return figures;
}
