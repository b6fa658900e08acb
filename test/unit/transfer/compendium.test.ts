import type { Collaboration } from '../../../src/domain/collaboration';
import type { Stored } from '../../../src/domain/ports';
import { translate } from '../../../src/i18n';
import { compendiumCsv, compendiumJson, compendiumTable } from '../../../src/transfer/compendium';
import { parseCsv } from '../../../src/transfer/csv';

const t = { en: (k: string) => translate('en-GB', k), cy: (k: string) => translate('cy-GB', k) };

const record: Stored<Collaboration> = {
  id: 3,
  etag: '"1"',
  reference: 'COL-0003',
  title: '=HYPERLINK("http://evil.example","click")',
  titleCy: 'Gwasanaeth ŵ ŷ â',
  kind: 'formalPartnership',
  model: 'informalArrangement',
  purpose: '@SUM(A1:A9) as a purpose',
  reasons: ['valueForMoney'],
  basis: 'statutory',
  footprint: 'gwent',
  leadOrganisation: '+Torfaen',
  councilLeads: true,
  partnerIds: [1, 2],
  directorate: '-Corporate',
  status: 'active',
  reviewFrequency: 'annual',
  lastReviewDate: '2025-10-01',
  nextReviewDue: '2026-10-01',
  annualCost: 1_200_000,
  serviceRisk: 'medium',
  leadOfficer: { id: 7, displayName: 'Rhys Davies', email: 'rhys.davies@glanyrafon.example' },
};
const partners = [
  { id: 1, etag: '"1"', key: 'P1', name: 'Gwent Police', nameCy: 'Heddlu Gwent', sector: 'police' as const },
  { id: 2, etag: '"1"', key: 'P2', name: 'Coleg Gwent', sector: 'education' as const },
];

describe('the compendium', () => {
  it('has every collaboration with partners, model, scope, basis, lead, status, last review and outcome, in Welsh', () => {
    const table = compendiumTable(
      { records: [record], partners, lastOutcomes: new Map([[3, 'continueWithActions']]) },
      'cy',
      t,
    );
    const row = Object.fromEntries(table.headings.map((h, i) => [h, table.rows[0]?.[i]?.value]));
    expect(row).toMatchObject({
      Cyfeirnod: 'COL-0003',
      'Sefydliadau partner': 'Heddlu Gwent; Coleg Gwent',
      Model: 'Trefniant anffurfiol',
      'O fewn cwmpas y protocol': 'Y tu allan i’r protocol',
      Sail: 'Statudol',
      'Sefydliad arweiniol': '+Torfaen',
      Statws: 'Gweithredol',
      'Adolygiad diwethaf': '2025-10-01',
      'Canlyniad yr adolygiad diwethaf': 'Parhau gyda chamau gweithredu',
      'Swyddog arweiniol': 'rhys.davies@glanyrafon.example',
    });
  });

  it('headings in both languages read "English / Cymraeg"', () => {
    const table = compendiumTable({ records: [record], partners }, 'both', t);
    expect(table.headings.slice(0, 2)).toEqual(['Reference / Cyfeirnod', 'Name / Enw']);
  });

  it('CSV: text beginning with = + - @ is written so that a spreadsheet cannot run it', () => {
    const csv = compendiumCsv(compendiumTable({ records: [record], partners }, 'en', t));
    const [headings, row] = parseCsv(csv.slice(1));
    const cell = (heading: string) => row?.[headings?.indexOf(heading) ?? -1];
    expect(cell('Name')).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(cell('Purpose')).toBe("'@SUM(A1:A9) as a purpose");
    expect(cell('Lead organisation')).toBe("'+Torfaen");
    expect(cell('Directorate')).toBe("'-Corporate");
    expect(cell('Name (Welsh)')).toBe('Gwasanaeth ŵ ŷ â');
    expect(cell('Annual cost')).toBe('1200000');
  });

  it('JSON keeps the values as they are, keyed by the headings', () => {
    const json = JSON.parse(compendiumJson(compendiumTable({ records: [record], partners }, 'en', t))) as Record<
      string,
      unknown
    >[];
    expect(json[0]).toMatchObject({ Reference: 'COL-0003', 'Annual cost': 1_200_000, 'The council leads': 'Yes' });
  });
});
