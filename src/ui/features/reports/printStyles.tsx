/**
 * The reports on paper: A4, no navigation or buttons, black on white (every
 * status is a word and a shape, so nothing depends on colour), ruled tables
 * whose heading row repeats on each page, and each table on a page of its own.
 *
 * A plain <style> element, as the assessment's print view has: Chromium 156 drops
 * these rules when they are inserted one by one as Fluent's static styles are, so
 * the page printed with its navigation.
 */
const PRINT_CSS = `
@page { size: A4; margin: 15mm 12mm; }
@media print {
  html, body { background: white !important; }
  body * { color: black !important; background: transparent !important; box-shadow: none !important; }
  header, nav, [data-print="hide"], a[href="#main"] { display: none !important; }
  main { padding: 0 !important; }
  [data-report-section] + [data-report-section] { break-before: page; }
  [data-report-section] h2 { break-after: avoid; }
  [data-report-section] table { width: 100% !important; min-width: 0 !important; border-collapse: collapse; font-size: 9pt; }
  [data-report-section] thead { display: table-header-group; }
  [data-report-section] tr { break-inside: avoid; }
  [data-report-section] th, [data-report-section] td { border: 0.5pt solid black !important; padding: 2pt 4pt !important; height: auto !important; }
  a { text-decoration: none !important; }
}
`;

export function PrintStyles() {
  return <style>{PRINT_CSS}</style>;
}
