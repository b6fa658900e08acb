import { annualPapers, type HistoryEntry } from '../../../src/domain';
import { record } from './reportFixtures';

/** An assurance level given on a day (a panel's review), as the history keeps it. */
function given(collaborationId: number, on: string | undefined, to: string, from?: string): HistoryEntry {
  return {
    key: `HIS-${collaborationId}-assurance-${on ?? 'x'}-${to}`,
    collaborationId,
    aspect: 'assurance',
    ...(from ? { from } : {}),
    to,
    ...(on ? { on } : {}),
    source: 'review',
  };
}

describe('the assurance summary of the committee papers', () => {
  // 2025-26 is the year reported on; today is in it.
  const today = '2026-03-02';

  it('counts each arrangement by its level at the end of the year, and how it moved since the end of the year before', () => {
    const down = record({ reference: 'COL-0901', title: 'Down', titleCy: 'I lawr' });
    const up = record({ reference: 'COL-0902' });
    const same = record({ reference: 'COL-0903' });
    const first = record({ reference: 'COL-0904' });
    const never = record({ reference: 'COL-0905' });
    // Before the history was kept: its level now counts in the year under way, with no movement to compare.
    const old = record({ reference: 'COL-0906', assuranceLevel: 'reasonable' });
    const history = [
      given(down.id, '2024-11-01', 'substantial'),
      given(down.id, '2025-10-01', 'limited', 'substantial'),
      given(up.id, '2024-06-01', 'none'),
      given(up.id, '2025-06-01', 'reasonable', 'none'),
      given(same.id, '2023-06-01', 'reasonable'),
      given(first.id, '2025-09-09', 'substantial'),
      // A level given after the year's end is not this year's.
      given(same.id, '2026-05-01', 'none', 'reasonable'),
    ];
    const papers = annualPapers({
      records: [down, up, same, first, never, old],
      reviews: [],
      actions: [],
      history,
      year: 2025,
      today,
    });
    if (!papers.ok) throw new Error(JSON.stringify(papers.error));
    const a = papers.value.assurance;
    expect(a.levels).toEqual({ substantial: 1, reasonable: 3, limited: 1, none: 0, notAssessed: 1 });
    expect(a.movement).toEqual({ up: 1, down: 1, same: 1, first: 2 });
    expect(a.down).toEqual([
      { id: down.id, reference: 'COL-0901', title: 'Down', titleCy: 'I lawr', from: 'substantial', to: 'limited' },
    ]);
  });

  it('does not give a past year the level a record holds now when its history does not say', () => {
    const old = record({ reference: 'COL-0911', assuranceLevel: 'limited' });
    const papers = annualPapers({ records: [old], reviews: [], actions: [], history: [], year: 2023, today });
    if (!papers.ok) throw new Error(JSON.stringify(papers.error));
    expect(papers.value.assurance.levels.notAssessed).toBe(1);
    expect(papers.value.assurance.levels.limited).toBe(0);
  });

  it('leaves an undated level out of the year (it is not known when it was given)', () => {
    const r = record({ reference: 'COL-0921' });
    const papers = annualPapers({
      records: [r],
      reviews: [],
      actions: [],
      history: [given(r.id, undefined, 'none')],
      year: 2025,
      today,
    });
    if (!papers.ok) throw new Error(JSON.stringify(papers.error));
    expect(papers.value.assurance.levels.notAssessed).toBe(1);
  });
});
