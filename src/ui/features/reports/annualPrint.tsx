/**
 * The annual report's own print rules, beside the shared ones (printStyles.tsx): A4 portrait,
 * and landscape pages for the tables too wide for it; words are never broken mid-word (the
 * screen lets a long word wrap anywhere, paper does not); the narrative prints as text, not
 * as the form the governance team writes it in.
 */
import { WIDE_COLUMNS } from './wordDocument';
import type { ReportTable } from './workbook';

/** CSS attribute values are the tables' ids, which are code words; anything else is left out. */
const SAFE_ID = /^[A-Za-z][A-Za-z0-9-]*$/;

export function annualPrintCss(tables: readonly Pick<ReportTable, 'id' | 'headings'>[]): string {
  const wide = tables.filter((t) => t.headings.length >= WIDE_COLUMNS && SAFE_ID.test(t.id));
  const landscape = wide.map((t) => `[data-annual-report] [data-report-section="${t.id}"]`).join(',\n  ');
  return `
@page annual-landscape { size: A4 landscape; margin: 12mm 15mm; }
[data-annual-print="only"] { display: none; }
@media print {
  [data-annual-print="only"] { display: block !important; }
  [data-annual-report] th, [data-annual-report] td, [data-annual-report] p, [data-annual-report] h2, [data-annual-report] h3,
  [data-annual-report] th *, [data-annual-report] td * {
    overflow-wrap: normal !important; word-break: normal !important; hyphens: manual !important;
  }
  [data-annual-narrative] p { white-space: pre-wrap; orphans: 3; widows: 3; }
  [data-annual-narrative] h3 { break-after: avoid; }
  [data-annual-narrative] { break-after: page; }
${landscape ? `  ${landscape} { page: annual-landscape; }\n` : ''}}
`;
}

export function AnnualPrintStyles({ tables }: { readonly tables: readonly Pick<ReportTable, 'id' | 'headings'>[] }) {
  return <style>{annualPrintCss(tables)}</style>;
}
