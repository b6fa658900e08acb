import { confirmStatement } from '../../../src/app/confirmStatement';
import type { Repositories } from '../../../src/data/repositories';
import { statementKey, type StatementInput } from '../../../src/domain';
import type { Person } from '../../../src/domain/collaboration';
import type { Actor } from '../../../src/domain/policy';
import { countItems, reposAs, startServer, unique, type ListServer } from './helpers';

/**
 * The Assurance Statements list through PnPjs against the embedded server: a Head of Service
 * (an officer) confirms their directorate's year, another officer is refused by the tab's
 * policy, and a second confirmation from a stale read (or a second first one) meets the
 * first as a conflict carrying both.
 */
let server: ListServer;
let dylanRepos: Repositories;
let officer: Repositories;
let governance: Repositories;
// Site users of src/local/users.ts.
const dylan: Person = { id: 9, displayName: "Dylan O'Brien" };
const rhys: Person = { id: 7, displayName: 'Rhys Davies' };
const sian: Person = { id: 6, displayName: 'Siân Powell' };
const dylanActor: Actor = { person: dylan, roles: ['officers'], panels: [] };
const officerActor: Actor = { person: rhys, roles: ['officers'], panels: [] };
const gov: Actor = { person: sian, roles: ['governance'], panels: [] };

beforeAll(async () => {
  server = await startServer();
  dylanRepos = reposAs(server, 'dylan');
  officer = reposAs(server, 'officer');
  governance = reposAs(server, 'governance');
});
afterAll(async () => {
  await server.close();
});

/** A directorate of its own per test, with Dylan as Head of Service of one of its records. */
function setUp() {
  const directorate = unique('Economy');
  const records = [{ directorate, headOfService: dylan }];
  const input = (over: Partial<StatementInput> = {}): StatementInput => ({
    year: 2025,
    directorate,
    confirmedBy: dylan,
    confirmedOn: '2026-04-20',
    complete: true,
    ...over,
  });
  return { directorate, records, input, key: statementKey(2025, directorate) };
}

describe('the Assurance Statements list', () => {
  it("is written by the directorate's Head of Service and read by everyone for the year", async () => {
    const { directorate, records, input, key } = setUp();
    const r = await confirmStatement(dylanRepos.assuranceStatements, {
      statement: input({ complete: false, comment: 'Dau gytundeb i’w hychwanegu: ŵ ŷ' }),
      actor: dylanActor,
      records,
    });
    expect(r.ok).toBe(true);
    const read = await officer.assuranceStatements.forYear(2025);
    if (!read.ok) throw new Error('read');
    const mine = read.value.find((s) => s.key === key);
    expect(mine).toMatchObject({
      key,
      year: 2025,
      directorate,
      confirmedBy: { id: 9 },
      confirmedOn: '2026-04-20',
      complete: false,
      comment: 'Dau gytundeb i’w hychwanegu: ŵ ŷ',
    });
    // Another year's statements do not include it.
    const other = await officer.assuranceStatements.forYear(2024);
    expect(other.ok && other.value.some((s) => s.key === key)).toBe(false);
  });

  it('refuses an officer who heads none of the directorate’s records, and writes nothing', async () => {
    const { records, input, key } = setUp();
    const refused = await confirmStatement(officer.assuranceStatements, {
      statement: input({ confirmedBy: rhys }),
      actor: officerActor,
      records,
    });
    expect(refused).toEqual({ ok: false, forbidden: true });
    expect(await countItems(server, 'Assurance Statements', `StatementKey eq '${key}'`)).toBe(0);
    // A "not yet" with no comment is the person's error, and nothing is written either.
    const invalid = await confirmStatement(dylanRepos.assuranceStatements, {
      statement: input({ complete: false }),
      actor: dylanActor,
      records,
    });
    expect(invalid).toEqual({ ok: false, invalid: [{ field: 'comment', code: 'required' }] });
    expect(await countItems(server, 'Assurance Statements', `StatementKey eq '${key}'`)).toBe(0);
  });

  it('a panel member may not write to the list at all (SharePoint’s permissions)', async () => {
    const { input } = setUp();
    const panel = reposAs(server, 'panel');
    const checked = { ...input(), key: statementKey(2025, input().directorate) };
    const r = await panel.assuranceStatements.create(checked);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden');
  });

  it('a second confirmation by someone else meets the first as a conflict; with their ETag it goes through', async () => {
    const { records, input, key } = setUp();
    const first = await confirmStatement(dylanRepos.assuranceStatements, {
      statement: input({ complete: false, comment: 'Not yet: one record to close.' }),
      actor: dylanActor,
      records,
    });
    if (!first.ok) throw new Error('first confirmation');
    // The governance team confirms from a read taken before Dylan's.
    const second = await confirmStatement(governance.assuranceStatements, {
      statement: input({ confirmedBy: sian, complete: true }),
      actor: gov,
      records,
    });
    expect(second.ok).toBe(false);
    if (second.ok || !('conflict' in second)) throw new Error('expected a conflict');
    expect(second.conflict.theirs?.comment).toBe('Not yet: one record to close.');
    expect(second.conflict.mine.confirmedBy.id).toBe(6);
    expect(await countItems(server, 'Assurance Statements', `StatementKey eq '${key}'`)).toBe(1);

    // Dylan updates his own with the ETag he holds; a stale update after that is a conflict too.
    const updated = await confirmStatement(dylanRepos.assuranceStatements, {
      statement: input({ complete: true }),
      base: first.value,
      actor: dylanActor,
      records,
    });
    expect(updated.ok).toBe(true);
    const stale = await confirmStatement(governance.assuranceStatements, {
      statement: input({ confirmedBy: sian, complete: false, comment: 'Governance view.' }),
      base: first.value,
      actor: gov,
      records,
    });
    if (stale.ok || !('conflict' in stale)) throw new Error('expected a conflict');
    expect(stale.conflict.theirs).toMatchObject({ complete: true, confirmedBy: { id: 9 } });
    const merged = await confirmStatement(governance.assuranceStatements, {
      statement: input({ confirmedBy: sian, complete: false, comment: 'Governance view.' }),
      ...(stale.conflict.theirs ? { base: stale.conflict.theirs } : {}),
      actor: gov,
      records,
    });
    expect(merged.ok).toBe(true);
    const after = await officer.assuranceStatements.forYear(2025);
    expect(after.ok && after.value.find((s) => s.key === key)).toMatchObject({
      complete: false,
      comment: 'Governance view.',
      confirmedBy: { id: 6 },
    });
  });
});
