import { ASSURANCE_FILTERS, assuranceStanding } from '../../../src/domain/assuranceStanding';
import type { HistoryEntry } from '../../../src/domain/history';
import type { AssuranceLevel } from '../../../src/domain/vocabulary';

const ID = 42;

/** An assurance level given on a day, as the history keeps it. */
function given(to: string, from?: string, on?: string, collaborationId = ID): HistoryEntry {
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

describe('the register filter by assurance level', () => {
  it('offers every level and "not yet given"', () => {
    expect(ASSURANCE_FILTERS).toEqual(['substantial', 'reasonable', 'limited', 'none', 'notGiven']);
  });
});

describe("a record's assurance standing", () => {
  it('has no level, and no comparison, before one is given (its reason kept if there is one)', () => {
    expect(assuranceStanding({ id: ID }, [])).toEqual({});
    expect(assuranceStanding({ id: ID, assuranceReason: '  Awaiting the panel.  ' }, [])).toEqual({
      reason: 'Awaiting the panel.',
    });
  });

  it.each<[string, AssuranceLevel, HistoryEntry[], Partial<ReturnType<typeof assuranceStanding>>]>([
    [
      'down from the level before',
      'limited',
      [given('substantial', undefined, '2024-05-01'), given('limited', 'substantial', '2025-11-20')],
      { before: 'substantial', comparison: 'down' },
    ],
    [
      'up from the level before',
      'substantial',
      [given('reasonable', 'limited', '2025-01-01'), given('substantial', 'reasonable', '2025-06-01')],
      { before: 'reasonable', comparison: 'up' },
    ],
    [
      'the same as before when a review gives the same level again',
      'reasonable',
      [given('reasonable', 'reasonable', '2025-06-01')],
      { before: 'reasonable', comparison: 'same' },
    ],
    [
      'the first level when the history shows nothing before it',
      'reasonable',
      [given('reasonable', undefined, '2025-06-01')],
      { comparison: 'first' },
    ],
    [
      'the change before, when the last change does not say where it came from',
      'none',
      [given('reasonable', undefined, '2024-01-01'), given('none', undefined, '2025-01-01')],
      { before: 'reasonable', comparison: 'down' },
    ],
    [
      'against the last level the history knew, when the level now came without a history entry',
      'substantial',
      [given('limited', undefined, '2024-01-01')],
      { before: 'limited', comparison: 'up' },
    ],
    ['unknown when nothing earlier is recorded (an imported level)', 'limited', [], { comparison: 'unknown' }],
  ])('%s', (_name, level, history, expected) => {
    const standing = assuranceStanding({ id: ID, assuranceLevel: level }, history);
    expect(standing).toEqual({ level, ...expected });
  });

  it("reads only this record's assurance changes, oldest first, whatever order they come in", () => {
    const history: HistoryEntry[] = [
      given('limited', 'substantial', '2025-11-20'),
      { ...given('closed', 'active', '2025-12-01'), aspect: 'status' },
      given('none', 'reasonable', '2025-12-01', 7),
      given('substantial', undefined, '2024-05-01'),
    ];
    expect(
      assuranceStanding(
        { id: ID, assuranceLevel: 'limited', assuranceReason: 'No exit plan.', assuranceDate: '2025-11-20' },
        history,
      ),
    ).toEqual({
      level: 'limited',
      reason: 'No exit plan.',
      givenOn: '2025-11-20',
      before: 'substantial',
      comparison: 'down',
    });
  });
});
