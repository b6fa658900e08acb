/**
 * Import benchmark: a realistic 5,000-row register (UK dates, pound amounts,
 * free-text partner lists, Welsh names) imported into a fresh embedded list
 * server through the real data layer; then the same file again, which must
 * create nothing.
 */
import { createImportTarget } from '../data/import/target';
import { createSp } from '../data/sp';
import { PeopleRepository } from '../data/repositories/people';
import { importVocabulary, suggestMapping } from '../domain/import';
import { CATALOGUES } from '../i18n';
import { writeCsv } from '../transfer/csv';
import { personNames, resolvePeople, runImport } from '../app/importRegister';
import { readTable } from '../transfer/table';
import type { Figure } from './figure';
import { withListServer } from './measure';

const MODELS = ['Joint committee', 'Delegated function', 'MoU', 'Secondment', 'SLA', 'Teckal company', 'Cyd-bwyllgor'];
const STATUSES = ['Live', 'Active', 'Proposed', 'Under review', 'Gweithredol', 'Closed'];
const PARTNERS = [
  'South Wales Police',
  'Natural Resources Wales',
  'Careers Wales',
  'Coleg Gwent',
  'Cardiff University',
  'Heddlu De Cymru',
  'Tŷ Hafan',
  'Menter Iaith Glan-yr-Afon',
  'Bwrdd Iechyd Prifysgol Aneurin Bevan',
];
const OFFICERS = ['Rhys Davies', "Dylan O'Brien", 'Llŷr Evans', 'angharad.price@glanyrafon.example', ''];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A council's register as it might keep it in a spreadsheet: its own headings, UK formats. `prefix` makes the ids unique. */
export function registerCsv(rows: number, prefix = 'REG'): string {
  const header = [
    'Ref',
    'Partnership name',
    'Model',
    'Status',
    'Lead organisation',
    'Partners',
    'Directorate',
    'Purpose',
    'Annual cost',
    'Council contribution',
    'Start date',
    'Next review',
    'Lead Officer',
  ];
  const out: (string | number)[][] = [header];
  for (let i = 1; i <= rows; i++) {
    const cost = (i % 7) * 125_000;
    const costText =
      i % 3 === 0
        ? `£${cost.toLocaleString('en-GB')}`
        : i % 3 === 1
          ? `${cost / 1_000_000}m`
          : cost === 0
            ? '-'
            : `£${cost / 1000}k`;
    const contribution = cost === 0 ? '-' : `£${(cost / 5).toLocaleString('en-GB')}`;
    const p1 = PARTNERS[i % PARTNERS.length] as string;
    const p2 = PARTNERS[(i * 3 + 1) % PARTNERS.length] as string;
    const partners = i % 4 === 0 ? `${p1} and ${p2}` : i % 4 === 1 ? `${p1}; ${p2}` : i % 4 === 2 ? `${p1}\n${p2}` : p1;
    const day = (i % 28) + 1;
    out.push([
      `${prefix}-${String(i).padStart(5, '0')}`,
      i % 5 === 0 ? `Cydweithrediad ${i}: Gwasanaeth ar y cyd ŵ ŷ â` : `Shared service ${i}`,
      MODELS[i % MODELS.length] as string,
      i % 11 === 0 ? 'Closed' : (STATUSES[i % (STATUSES.length - 1)] as string),
      i % 2 === 0 ? 'Glan-yr-Afon County Borough Council' : 'Torfaen County Borough Council',
      partners,
      ['Corporate Services', 'Education', 'Social Services', 'Economy and Environment'][i % 4] as string,
      `Working together on service ${i}, so residents get one service.`,
      costText,
      contribution,
      `${day}/${(i % 12) + 1}/20${String(18 + (i % 7)).padStart(2, '0')}`,
      i % 2 === 0 ? `${day} ${MONTHS[i % 12] as string} 2027` : `Mar-27`,
      OFFICERS[i % OFFICERS.length] as string,
    ]);
  }
  // Closed rows need an end date: give them one through a column at the end.
  out[0]?.push('End date');
  for (let i = 1; i < out.length; i++) out[i]?.push(i % 11 === 0 ? '31/03/2026' : '');
  return writeCsv(out);
}

export async function benchImport(options: { rows?: number } = {}): Promise<Figure[]> {
  const rows = options.rows ?? 5000;
  const figures: Figure[] = [];
  await withListServer('bench-import-', { demo: true }, async (server) => {
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const sp = createSp({
      siteUrl: server.siteUrl,
      getToken: () => Promise.resolve('dev:governance'),
      fetch: counting,
    });
    const target = createImportTarget(sp);
    const table = await readTable(new TextEncoder().encode(registerCsv(rows)));
    if (!table.ok) throw new Error(`bench file unreadable: ${table.error.code}`);
    const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
    const mapping = suggestMapping(table.value.headers, vocabulary);
    const people = new PeopleRepository(sp);
    const input = { rows: table.value.rows, mapping, vocabulary, councilName: 'Glan-yr-Afon County Borough Council' };

    let start = performance.now();
    const known = await resolvePeople(personNames(input), (t, l) => people.search(t, l));
    const first = await runImport(target, { ...input, people: known });
    const ms = performance.now() - start;
    if (!first.ok) throw new Error(`import failed: ${JSON.stringify(first.error).slice(0, 300)}`);
    figures.push(
      { name: `import.${rows}_rows.created`, value: first.value.created, unit: 'items' },
      { name: `import.${rows}_rows.failed`, value: first.value.failed, unit: 'items' },
      { name: `import.${rows}_rows.total`, value: Math.round(ms), unit: 'ms' },
      { name: `import.${rows}_rows.rate`, value: Math.round((rows / ms) * 1000), unit: 'rows/s' },
      { name: `import.${rows}_rows.requests`, value: requests, unit: 'requests' },
    );

    requests = 0;
    start = performance.now();
    const again = await runImport(target, { ...input, people: known });
    const againMs = performance.now() - start;
    if (!again.ok) throw new Error(`rerun failed: ${JSON.stringify(again.error).slice(0, 300)}`);
    figures.push(
      { name: `import.${rows}_rows.rerun.created`, value: again.value.created, unit: 'items' },
      { name: `import.${rows}_rows.rerun.unchanged`, value: again.value.unchanged, unit: 'items' },
      { name: `import.${rows}_rows.rerun.total`, value: Math.round(againMs), unit: 'ms' },
      { name: `import.${rows}_rows.rerun.requests`, value: requests, unit: 'requests' },
    );
  });
  return figures;
}
