/**
 * The annual report as a Word document (.docx), for committee papers: a title with the
 * council's name and the year, contents, the governance team's narrative, then every table
 * of the page and the workbook (annualPapersTables) as a Word table whose heading row
 * repeats on each page. No rule lives here: the figures are the domain's, laid out by the
 * same tables the page and the workbook use; this module only writes them in Word's terms.
 * `docx` is loaded only when a document is asked for, as exceljs is for the workbook.
 */
import type { TFunction } from 'i18next';
import { NARRATIVE_PARTS, narrativeField, type ReportNarrative } from '../../../domain';
import type { Locale } from '../../../i18n';
import type { ReportCell, ReportTable } from './workbook';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Tables with this many columns or more are set on landscape pages, so no word is squeezed. */
export const WIDE_COLUMNS = 6;

export interface WordFormat {
  date(iso: string): string;
  number(value: number): string;
  currency(amount: number): string;
}

export interface AnnualWordInput {
  readonly tables: readonly ReportTable[];
  readonly narrative?: ReportNarrative;
  readonly t: TFunction;
  readonly locale: Locale;
  readonly format: WordFormat;
  readonly council: string;
  /** "2025–26". */
  readonly yearLabel: string;
  readonly period: { readonly from: string; readonly to: string };
  /** Lines under the title (when prepared, the day overdue actions are counted on). */
  readonly notes?: readonly string[];
}

/** A cell as the reader sees it on paper: dates and numbers in the person's language, marks as their word. */
export function cellText(cell: ReportCell | undefined, format: WordFormat): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
    case 'mark':
      return cell.value;
    case 'date':
      return format.date(cell.value);
    case 'number':
      return cell.money ? format.currency(cell.value) : format.number(cell.value);
    default:
      return '';
  }
}

/** The text the person reads in their language, or the other language's where theirs is not written. */
export function narrativeText(
  narrative: ReportNarrative | undefined,
  part: (typeof NARRATIVE_PARTS)[number],
  locale: Locale,
): { readonly text?: string; readonly otherLanguage: boolean } {
  const welsh = locale === 'cy-GB';
  const own = narrative?.[narrativeField(part, welsh)];
  if (own) return { text: own, otherLanguage: false };
  const other = narrative?.[narrativeField(part, !welsh)];
  return other ? { text: other, otherLanguage: true } : { otherLanguage: false };
}

/** The document's bytes. */
export async function annualWordDocument(input: AnnualWordInput): Promise<ArrayBuffer> {
  const docx = await import('docx');
  const {
    AlignmentType,
    Document,
    HeadingLevel,
    Packer,
    PageOrientation,
    Paragraph,
    Table,
    TableCell,
    TableOfContents,
    TableRow,
    TextRun,
    WidthType,
  } = docx;
  const { t, format, locale } = input;
  const title = t('report.word.title', { council: input.council, year: input.yearLabel });
  const lines = (text: string) => text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));

  type Block = InstanceType<typeof Paragraph> | InstanceType<typeof Table> | InstanceType<typeof TableOfContents>;
  const headings: { title: string; level: number }[] = [];
  const heading = (text: string, level: 1 | 2): InstanceType<typeof Paragraph> => {
    headings.push({ title: text, level });
    return new Paragraph({
      text,
      heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      keepNext: true,
    });
  };

  // The narrative, part by part, in the person's language.
  const narrative: Block[] = [heading(t('report.word.narrative'), 1)];
  for (const part of NARRATIVE_PARTS) {
    narrative.push(heading(t(`report.narrative.parts.${part}`), 2));
    const { text, otherLanguage } = narrativeText(input.narrative, part, locale);
    if (!text) {
      narrative.push(
        new Paragraph({ children: [new TextRun({ text: t('report.narrative.notWritten'), italics: true })] }),
      );
      continue;
    }
    if (otherLanguage)
      narrative.push(
        new Paragraph({ children: [new TextRun({ text: t('report.narrative.onlyOtherLanguage'), italics: true })] }),
      );
    narrative.push(...lines(text));
  }

  const numeric = (table: ReportTable, i: number) => {
    const kinds = table.rows.map((r) => r[i]?.kind).filter((k) => k !== undefined && k !== 'empty');
    return kinds.length > 0 && kinds.every((k) => k === 'number');
  };
  const cell = (text: string, opts: { bold?: boolean; right?: boolean } = {}) =>
    new TableCell({
      children: [
        new Paragraph({
          ...(opts.right ? { alignment: AlignmentType.RIGHT } : {}),
          children: [new TextRun({ text, ...(opts.bold ? { bold: true } : {}) })],
        }),
      ],
    });
  const wordTable = (table: ReportTable): Block[] => {
    const right = table.headings.map((_h, i) => numeric(table, i));
    if (table.rows.length === 0) return [heading(table.title, 2), new Paragraph(t('report.word.none'))];
    return [
      heading(table.title, 2),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: table.headings.map((h, i) => cell(h, { bold: true, right: right[i] ?? false })),
          }),
          ...table.rows.map(
            (row) =>
              new TableRow({
                cantSplit: true,
                children: table.headings.map((_h, i) => cell(cellText(row[i], format), { right: right[i] ?? false })),
              }),
          ),
        ],
      }),
    ];
  };

  // The tables, a landscape section around each run of wide ones.
  const runs: { wide: boolean; blocks: Block[] }[] = [];
  const tablesHeading = heading(t('report.word.tables'), 1);
  for (const table of input.tables) {
    const wide = table.headings.length >= WIDE_COLUMNS;
    const last = runs[runs.length - 1];
    if (last && last.wide === wide) last.blocks.push(...wordTable(table));
    else runs.push({ wide, blocks: wordTable(table) });
  }

  const front: Block[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    new Paragraph(
      t('report.word.period', {
        year: input.yearLabel,
        from: format.date(input.period.from),
        to: format.date(input.period.to),
      }),
    ),
    ...(input.notes ?? []).map((n) => new Paragraph(n)),
    new Paragraph({ text: t('report.word.contents'), heading: HeadingLevel.HEADING_1 }),
    new TableOfContents(t('report.word.contents'), {
      hyperlink: true,
      headingStyleRange: '1-2',
      // The entries are written out too, so the contents read before Word updates the field.
      cachedEntries: headings,
    }),
    new Paragraph({ children: [new TextRun({ text: t('report.word.contentsNote'), italics: true, size: 18 })] }),
  ];

  const portrait = { page: { size: { orientation: PageOrientation.PORTRAIT } } };
  const landscape = { page: { size: { orientation: PageOrientation.LANDSCAPE } } };
  const first = runs[0];
  const sections = [
    {
      properties: portrait,
      children: [...front, ...narrative, tablesHeading, ...(first && !first.wide ? first.blocks : [])],
    },
    ...runs
      .filter((r, i) => !(i === 0 && !r.wide))
      .map((r) => ({ properties: r.wide ? landscape : portrait, children: r.blocks })),
  ];

  const language = locale === 'cy-GB' ? 'cy-GB' : 'en-GB';
  const doc = new Document({
    creator: input.council,
    title,
    features: { updateFields: true },
    styles: { default: { document: { run: { language: { value: language }, font: 'Arial', size: 22 } } } },
    sections,
  });
  return Packer.toArrayBuffer(doc);
}
