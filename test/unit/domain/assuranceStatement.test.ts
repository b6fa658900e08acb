import {
  assuranceOverview,
  checkStatement,
  directoratesAnsweredBy,
  directorateSlug,
  headsDirectorate,
  statementKey,
  STATEMENT_COMMENT_MAX_LENGTH,
  type AssuranceStatement,
} from '../../../src/domain/assuranceStatement';
import type { Person } from '../../../src/domain/collaboration';
import { may, type Actor } from '../../../src/domain/policy';
import { aCollaboration } from './fixtures';

const dylan: Person = { id: 9, displayName: "Dylan O'Brien", email: 'dylan.obrien@example.gov.uk' };
const gareth: Person = { id: 12, displayName: 'Gareth Hughes' };
const llyr: Person = { id: 10, displayName: 'Llŷr Evans' };

const records = [
  aCollaboration({ directorate: 'Economy and Environment', headOfService: dylan, startDate: '2020-04-01' }),
  // Another spelling of the same directorate, and a second Head of Service named on it.
  aCollaboration({ directorate: ' economy and environment ', headOfService: gareth, startDate: '2024-09-01' }),
  aCollaboration({ directorate: 'Economy and Environment', headOfService: dylan, startDate: '2021-01-01' }),
  aCollaboration({ directorate: 'Corporate Services', headOfService: gareth, startDate: '2014-07-01' }),
  // Ended before 2025-26 began: Education has nothing current that year.
  aCollaboration({ directorate: 'Education', headOfService: llyr, startDate: '2010-01-01', endDate: '2025-03-31' }),
  // Starts after the year: not current in it.
  aCollaboration({ directorate: 'Social Services', startDate: '2026-04-01' }),
];

const statement = (over: Partial<AssuranceStatement> = {}): AssuranceStatement => ({
  key: statementKey(2025, 'Economy and Environment'),
  year: 2025,
  directorate: 'Economy and Environment',
  confirmedBy: dylan,
  confirmedOn: '2026-04-20',
  complete: true,
  ...over,
});

describe('the annual assurance statement', () => {
  it('keys a statement by year and directorate, whatever the spelling', () => {
    expect(statementKey(2025, 'Economy and Environment')).toBe('statement-2025-economy-and-environment');
    expect(statementKey(2025, '  ECONOMY  and environment')).toBe('statement-2025-economy-and-environment');
    expect(directorateSlug('Gwasanaethau Cymdeithasol / Iechyd')).toBe('gwasanaethau-cymdeithasol-iechyd');
    expect(directorateSlug('Addysg a Dysgu Gydol Oes – Ŵyl')).toBe('addysg-a-dysgu-gydol-oes-wyl');
  });

  it('lists the directorates with records current in the year and who is expected to confirm each', () => {
    const o = assuranceOverview(2025, records, []);
    expect(o.directorates.map((d) => [d.directorate, d.records, d.expected.map((p) => p.displayName)])).toEqual([
      ['Corporate Services', 1, ['Gareth Hughes']],
      ['Economy and Environment', 3, ["Dylan O'Brien", 'Gareth Hughes']],
    ]);
    expect(o.confirmed).toEqual([]);
    expect(o.outstanding.map((d) => d.directorate)).toEqual(['Corporate Services', 'Economy and Environment']);
    // 2024-25: Education was still current, Social Services not yet.
    expect(assuranceOverview(2024, records, []).directorates.map((d) => d.directorate)).toEqual([
      'Corporate Services',
      'Economy and Environment',
      'Education',
    ]);
  });

  it('sets the year\'s statements beside their directorates; a "not yet" is still outstanding', () => {
    const notYet = statement({
      key: statementKey(2025, 'Corporate Services'),
      directorate: 'Corporate Services',
      confirmedBy: gareth,
      complete: false,
      comment: 'Two shared services are still to be added.',
    });
    const lastYear = statement({ key: statementKey(2024, 'Economy and Environment'), year: 2024 });
    const o = assuranceOverview(2025, records, [statement(), notYet, lastYear]);
    expect(o.confirmed.map((d) => [d.directorate, d.statement?.confirmedBy.displayName])).toEqual([
      ['Economy and Environment', "Dylan O'Brien"],
    ]);
    expect(o.outstanding.map((d) => [d.directorate, d.statement?.comment])).toEqual([
      ['Corporate Services', 'Two shared services are still to be added.'],
    ]);
    // Last year's confirmation does not count for this year.
    expect(assuranceOverview(2024, records, [lastYear]).confirmed.map((d) => d.directorate)).toEqual([
      'Economy and Environment',
    ]);
  });

  it('gives a Head of Service the directorates they answer for, matched by their site user id', () => {
    const o = assuranceOverview(2025, records, []);
    expect(directoratesAnsweredBy(o, { id: 9 }).map((d) => d.directorate)).toEqual(['Economy and Environment']);
    expect(directoratesAnsweredBy(o, { id: 12 }).map((d) => d.directorate)).toEqual([
      'Corporate Services',
      'Economy and Environment',
    ]);
    expect(directoratesAnsweredBy(o, { id: 7 })).toEqual([]);
    expect(directoratesAnsweredBy(o, undefined)).toEqual([]);
  });

  it('checks a statement: "not yet" needs a comment, a comment is kept to its limit, and is trimmed', () => {
    const base = {
      year: 2025,
      directorate: ' Economy and Environment ',
      confirmedBy: dylan,
      confirmedOn: '2026-04-20' as const,
    };
    const okay = checkStatement({ ...base, complete: true, comment: '  \r\n' });
    expect(okay).toEqual({
      ok: true,
      value: {
        key: 'statement-2025-economy-and-environment',
        year: 2025,
        directorate: 'Economy and Environment',
        confirmedBy: dylan,
        confirmedOn: '2026-04-20',
        complete: true,
      },
    });
    expect(checkStatement({ ...base, complete: false, comment: ' ' })).toEqual({
      ok: false,
      error: [{ field: 'comment', code: 'required' }],
    });
    const kept = checkStatement({ ...base, complete: false, comment: ' Line one\r\nLine two ' });
    expect(kept.ok && kept.value.comment).toBe('Line one\nLine two');
    const long = checkStatement({ ...base, complete: true, comment: 'ŵ'.repeat(STATEMENT_COMMENT_MAX_LENGTH + 1) });
    expect(long).toEqual({
      ok: false,
      error: [{ field: 'comment', code: 'tooLong', params: { max: STATEMENT_COMMENT_MAX_LENGTH } }],
    });
    // Exactly at the limit, counted in characters not UTF-16 units, is fine.
    expect(checkStatement({ ...base, complete: true, comment: 'ŵ'.repeat(STATEMENT_COMMENT_MAX_LENGTH) }).ok).toBe(
      true,
    );
    expect(checkStatement({ ...base, directorate: '  ', complete: true }).ok).toBe(false);
  });

  it('lets an officer who heads a record of the directorate confirm it, and the governance team any', () => {
    const as = (roles: Actor['roles'], person?: Pick<Person, 'id' | 'email'>): Actor => ({
      roles,
      panels: [],
      ...(person ? { person } : {}),
    });
    const confirm = (directorate: string) => ({ kind: 'confirmStatement', directorate, records }) as const;
    expect(headsDirectorate(records, 'economy and environment', { id: 9 })).toBe(true);
    expect(may(as(['officers'], { id: 9 }), confirm('Economy and Environment'))).toBe(true);
    expect(may(as(['officers'], { id: 9 }), confirm('Corporate Services'))).toBe(false);
    expect(may(as(['officers'], { id: 7 }), confirm('Economy and Environment'))).toBe(false);
    // Named as Head of Service but not an officer (a panel member, say): no.
    expect(may(as(['panel'], { id: 9 }), confirm('Economy and Environment'))).toBe(false);
    expect(may(as(['governance'], { id: 6 }), confirm('Education'))).toBe(true);
  });
});
