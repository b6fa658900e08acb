import { strFromU8 } from 'fflate';
import type { TFunction } from 'i18next';
import { syntheticRegister } from '../../../src/bench/reports';
import { annualPapers, type AnnualPapers, type ReportRecord } from '../../../src/domain';
import { translate, type Locale } from '../../../src/i18n';
import { formattersFor } from '../../../src/ui/app/context';
import { annualWordDocument } from '../../../src/ui/features/reports/wordDocument';
import { annualPapersTables } from '../../../src/ui/features/reports/workbook';
import { openDocx, tablesOf, textOf } from './wordXml';

/**
 * The annual report's Word document, opened as Word would: unzipped (fflate) and its
 * word/document.xml read. Its tables must hold the domain's figures, in the person's
 * language, with heading rows that repeat; its title names the council and the year.
 */
const TODAY = '2026-03-02';
const YEAR = 2025;

const tFor = (locale: Locale) =>
  ((key: string, params?: Record<string, unknown>) =>
    translate(locale, key, (params ?? {}) as Record<string, string | number>)) as unknown as TFunction;

/** A table's body rows by their first cell: the rest of the row. */
function byLabel(rows: readonly string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [label, ...rest] of rows.slice(1)) if (label !== undefined) out[label] = rest;
  return out;
}

async function documentXml(papers: AnnualPapers, locale: Locale, narrative = {}) {
  const t = tFor(locale);
  const bytes = await annualWordDocument({
    tables: annualPapersTables(papers, t, locale),
    narrative: { key: 'annual-2025', ...narrative },
    t,
    locale,
    format: formattersFor(locale),
    council: 'Cyngor Bwrdeistref Sirol Torfaen',
    yearLabel: '2025–26',
    period: papers.summary.period,
  });
  return openDocx(bytes);
}

function withMoney(records: ReportRecord[]): ReportRecord[] {
  return records.map((r, i) => (i % 3 === 0 ? r : { ...r, annualCost: 1000 + i, councilContribution: 100 + (i % 7) }));
}

describe('the annual report as a Word document', () => {
  const register = syntheticRegister(300, TODAY);
  const records = withMoney(register.records);
  const owned = register.actions.map((a, i) => ({ ...a, owner: { id: 100 + i, displayName: `Owner ${i} Ŵ` } }));
  const result = annualPapers({ ...register, records, actions: owned, partners: [], year: YEAR, today: TODAY });
  if (!result.ok) throw new Error('papers');
  const papers = result.value;
  const fmt = formattersFor('en-GB');

  it("holds the domain's figures: comparison, costs, RAG, significance, assurance and overdue owners", async () => {
    const { xml } = await documentXml(papers, 'en-GB');
    const tables = tablesOf(xml);
    const byHeading = (h: string) => {
      const found = tables.find((t) => t.heading === h);
      if (!found) throw new Error(`no table under "${h}": ${tables.map((t) => t.heading).join(' | ')}`);
      return found;
    };

    const comparison = byHeading('Changes since last year');
    expect(comparison.rows[0]).toEqual(['Measure', 'Last year (2024–25)', 'This year (2025–26)', 'Change']);
    const measures = byLabel(comparison.rows);
    const c = Object.fromEntries(papers.comparison.map((x) => [x.measure, x]));
    expect(measures['Collaborations in place during the year']).toEqual([
      fmt.number(c['current']!.previous),
      fmt.number(c['current']!.current),
      fmt.number(c['current']!.change),
    ]);
    expect(measures['Reviews held']).toEqual([
      fmt.number(c['reviewsHeld']!.previous),
      fmt.number(c['reviewsHeld']!.current),
      fmt.number(c['reviewsHeld']!.change),
    ]);

    const costs = byHeading('Costs by directorate');
    const total = costs.rows[costs.rows.length - 1];
    expect(total).toEqual([
      'Total',
      fmt.number(papers.costs.total.arrangements),
      fmt.number(papers.costs.total.costed),
      fmt.currency(papers.costs.total.annualCost),
      fmt.currency(papers.costs.total.councilContribution),
    ]);
    expect(papers.costs.total.annualCost).toBeGreaterThan(0);
    expect(costs.rows.length).toBe(papers.costs.byDirectorate.length + 2);
    expect(byHeading('Costs by model').rows[byHeading('Costs by model').rows.length - 1]).toEqual(total);

    const rag = byLabel(byHeading('RAG ratings of the latest assessments').rows);
    expect(rag['Red']?.[0]).toBe(fmt.number(papers.rag.red));
    expect(rag['Green']?.[0]).toBe(fmt.number(papers.rag.green));
    expect(rag['Not assessed']?.[0]).toBe(fmt.number(papers.rag.notAssessed));
    const significance = byLabel(byHeading('Significance').rows);
    expect(significance['High']?.[0]).toBe(fmt.number(papers.significance.high));
    expect(significance['Not assessed']?.[0]).toBe(fmt.number(papers.significance.notAssessed));

    // The synthetic register has history: levels at the year's end, their movement, the ones gone down.
    const assurance = byLabel(byHeading('Assurance levels').rows);
    expect(assurance['Limited assurance']?.[0]).toBe(fmt.number(papers.assurance.levels.limited));
    expect(assurance['Not yet given']?.[0]).toBe(fmt.number(papers.assurance.levels.notAssessed));
    expect(papers.assurance.levels.limited + papers.assurance.levels.substantial).toBeGreaterThan(0);
    const movement = byLabel(byHeading('How assurance moved since last year').rows);
    expect(movement['Down']?.[0]).toBe(fmt.number(papers.assurance.movement.down));
    const down = byHeading('Arrangements whose assurance went down');
    expect(down.rows).toHaveLength(papers.assurance.down.length + 1);
    expect(down.rows.slice(1).map((r) => r[0])).toEqual(papers.assurance.down.map((d) => d.reference));

    const overdue = byHeading('Actions overdue at the end of the year');
    expect(overdue.rows).toHaveLength(papers.overdueActions.length + 1);
    expect(overdue.rows.slice(1).map((r) => r[3])).toEqual(papers.overdueActions.map((a) => a.owner));

    const figures = byLabel(byHeading('Figures for the year').rows);
    expect(figures['Reviews held']?.[0]).toBe(fmt.number(papers.summary.reviews.held));
  });

  it('has a title with the council and the year, contents, the narrative, and heading rows that repeat', async () => {
    const { xml } = await documentXml(papers, 'en-GB', {
      introduction: 'First paragraph.\nSecond & last paragraph <with> marks.',
      recommendations: 'Note the report.',
    });
    expect(textOf(xml)).toContain(
      'Cyngor Bwrdeistref Sirol Torfaen: annual report to the Governance and Audit Committee, 2025–26',
    );
    expect(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/.test(xml)).toBe(true); // the contents field
    expect(textOf(xml)).toContain('Contents');
    // User text is text: escaped, never markup.
    expect(xml.includes('Second &amp; last paragraph &lt;with&gt; marks.')).toBe(true);
    expect(textOf(xml)).toContain('Note the report.');
    expect(textOf(xml)).toContain('The governance team has not written this part yet.');
    for (const table of tablesOf(xml))
      expect(/^<w:tbl>[\s\S]*?<\/w:tblGrid><w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/>/.test(table.xml)).toBe(true);
    // Wide tables are on landscape pages.
    expect(xml.includes('w:orient="landscape"')).toBe(true);
  });

  it("is in Welsh for a Welsh reader, the Welsh text first and the document's language Welsh", async () => {
    const { xml, files } = await documentXml(papers, 'cy-GB', {
      introduction: 'English only.',
      keyMessagesCy: 'Negeseuon allweddol: ŵ ŷ.',
    });
    const text = textOf(xml);
    expect(text).toContain(
      "Cyngor Bwrdeistref Sirol Torfaen: adroddiad blynyddol i'r Pwyllgor Llywodraethu ac Archwilio, 2025–26",
    );
    expect(text).toContain('Negeseuon allweddol: ŵ ŷ.');
    expect(text).toContain("Dim ond yn Saesneg y mae wedi'i ysgrifennu hyd yma.");
    const tables = tablesOf(xml);
    expect(tables.map((t) => t.heading)).toEqual(expect.arrayContaining(['Newidiadau ers y llynedd', 'Arwyddocâd']));
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles.includes('w:val="cy-GB"')).toBe(true);
  });
});
