/**
 * The reports on paper: A4, no navigation or buttons, black on white (every
 * status is a word and a shape, so nothing depends on colour), ruled tables
 * whose heading row repeats on each page, and each table on a page of its own.
 * The quarterly list, fourteen columns wide, has landscape pages of its own
 * (the named page `quarterly`); the annual summary's narrower tables stay
 * portrait. Words wrap at spaces only: Fluent's tables are fixed-width and
 * break anywhere, which printed "Refere nce" under a column too narrow for it;
 * a hyphenated name is kept whole too (ReportTableView marks it).
 *
 * A plain <style> element, as the assessment's print view has: Chromium 156 drops
 * these rules when they are inserted one by one as Fluent's static styles are, so
 * the page printed with its navigation.
 */
const PRINT_CSS = `
@page { size: A4; margin: 15mm 12mm; }
@page quarterly { size: A4 landscape; margin: 12mm 10mm 14mm; }
@media screen {
  [data-print="only"] { display: none !important; }
}
@media print {
  html, body { background: white !important; }
  body * { color: black !important; background: transparent !important; box-shadow: none !important; }
  header, nav, [data-print="hide"], a[href="#main"] { display: none !important; }
  /* The tab focuses main after each move, and its focus ring printed as a frame round every page. */
  main { padding: 0 !important; outline: none !important; }
  [data-report-page="quarterly"] { page: quarterly; }
  [data-print="only"] { display: block !important; }
  [data-report-section] + [data-report-section] { break-before: page; }
  [data-report-section] h2 { break-after: avoid; }
  [data-report-scroll] { overflow: visible !important; }
  [data-report-section] table { width: 100% !important; min-width: 0 !important; table-layout: auto !important; border-collapse: collapse; font-size: 9pt; }
  [data-report-page="quarterly"] [data-report-section] table { font-size: 8pt; }
  [data-report-section] thead { display: table-header-group; }
  [data-report-section] tr, [data-report-section] td, [data-report-section] th { break-inside: avoid; }
  [data-report-section] th, [data-report-section] td { border: 0.5pt solid black !important; padding: 1.5pt 3pt !important; height: auto !important; width: auto !important; min-width: 0 !important; }
  [data-report-section] th, [data-report-section] td, [data-report-section] th *, [data-report-section] td * {
    white-space: normal !important; word-break: normal !important; overflow-wrap: normal !important; hyphens: manual !important;
    line-height: 1.25 !important;
  }
  [data-report-section] [data-keep-whole] { white-space: nowrap !important; }
  [data-report-section] [data-tone] { align-items: flex-start !important; }
  [data-report-section] [data-tone] svg { margin-top: 1pt; }
  a { text-decoration: none !important; }
}
`;

/** Stand-ins for the page counters in a translated "Page {{page}} of {{pages}}". */
export const PAGE_MARK = '\u0001';
export const PAGES_MARK = '\u0002';

/** Text as a CSS string: quotes and backslashes escaped, and no "<" to end the style element early. */
const cssString = (s: string) =>
  `"${s
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\n\r\f]/g, ' ')
    .replace(/</g, '\\3c ')}"`;

/**
 * The page footer's `content`: the person's words, quoted, around Chromium's
 * page counters, from a sentence translated with PAGE_MARK and PAGES_MARK for
 * the numbers (so Welsh prints "Tudalen 1 o 3" in its own word order).
 */
export function pageCounterContent(words: string): string {
  return words
    .split(new RegExp(`(${PAGE_MARK}|${PAGES_MARK})`))
    .filter((part) => part !== '')
    .map((part) => (part === PAGE_MARK ? 'counter(page)' : part === PAGES_MARK ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/** The print rules, with "Page n of m" at the foot of every page in the person's language. */
export function PrintStyles({ pageOf }: { readonly pageOf: string }) {
  const footer = `
@page { @bottom-center { content: ${pageCounterContent(pageOf)}; font: 8pt sans-serif; color: black; } }
`;
  return <style>{PRINT_CSS + footer}</style>;
}
