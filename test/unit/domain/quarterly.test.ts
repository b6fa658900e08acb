import { financialQuarterOf, quarterlyList, type ReportRecord } from '../../../src/domain';
import { record as aRecord } from './reportFixtures';

const TODAY = '2026-12-02';

/** A record of Economy and Environment (the shared fixture's, in another directorate). */
const record = (overrides: Partial<ReportRecord> = {}): ReportRecord =>
  aRecord({ directorate: 'Economy and Environment', ...overrides });

describe("the quarterly list's people", () => {
  it('names the lead officer and the Head of Service of each line', () => {
    const [row] = quarterlyList(
      [
        record({
          leadOfficer: { id: 14, displayName: 'Nia Thomas', email: 'nia.thomas@glanyrafon.example' },
          headOfService: { id: 9, displayName: "Dylan O'Brien" },
        }),
      ],
      [],
      [],
      { today: TODAY },
    );
    expect(row).toMatchObject({ leadOfficer: 'Nia Thomas', headOfService: "Dylan O'Brien" });
  });

  it('leaves a person out when the record names none (an empty cell, not a blank name)', () => {
    const rows = quarterlyList(
      [record({ id: 201 }), record({ id: 202, leadOfficer: { id: 15, displayName: '' } })],
      [],
      [],
      { today: TODAY },
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).not.toHaveProperty('leadOfficer');
      expect(row).not.toHaveProperty('headOfService');
    }
  });

  it('keeps the people with their own collaboration when the list is sorted', () => {
    const rows = quarterlyList(
      [
        record({ id: 301, directorate: 'Social Services', headOfService: { id: 11, displayName: 'Angharad Price' } }),
        record({ id: 302, directorate: 'Education', headOfService: { id: 10, displayName: 'Llŷr Evans' } }),
      ],
      [],
      [],
      { today: TODAY },
    );
    expect(rows.map((r) => [r.id, r.headOfService])).toEqual([
      [302, 'Llŷr Evans'],
      [301, 'Angharad Price'],
    ]);
  });
});

describe('the financial quarter a quarterly list reports on', () => {
  it.each([
    ['2026-04-01', 2026, 1, '2026-04-01', '2026-06-30'],
    ['2026-06-30', 2026, 1, '2026-04-01', '2026-06-30'],
    ['2026-07-01', 2026, 2, '2026-07-01', '2026-09-30'],
    ['2026-12-02', 2026, 3, '2026-10-01', '2026-12-31'],
    ['2027-01-01', 2026, 4, '2027-01-01', '2027-03-31'],
    ['2028-02-29', 2027, 4, '2028-01-01', '2028-03-31'],
    ['2027-03-31', 2026, 4, '2027-01-01', '2027-03-31'],
  ] as const)('%s falls in the financial year from April %d, quarter %d', (date, year, quarter, from, to) => {
    expect(financialQuarterOf(date)).toEqual({ year, quarter, from, to });
  });
});
