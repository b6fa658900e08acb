import { dateUndatedChange } from '../../../src/app/dateUndatedChange';
import { personNames, resolvePeople, runImport } from '../../../src/app/importRegister';
import { registerCsv } from '../../../src/bench/import';
import { createImportTarget } from '../../../src/data/import/target';
import { PeopleRepository } from '../../../src/data/repositories/people';
import type { Repositories } from '../../../src/data/repositories';
import { annualSummary, financialYear, type Person } from '../../../src/domain';
import { importVocabulary, suggestMapping } from '../../../src/domain/import';
import type { Actor } from '../../../src/domain/policy';
import { CATALOGUES } from '../../../src/i18n';
import { readTable } from '../../../src/transfer/table';
import { collaboration } from './fixtures';
import { reposAs, spAs, startServer, unique, type ListServer } from './helpers';

/**
 * Reforms and withdrawals the annual report could not date, through PnPjs against the embedded
 * server: an imported register's statuses go into the history undated and are listed, not counted;
 * the governance team dates one from the record's version history and another by hand, and each is
 * then counted once, in its year. Officers may not date them; a day after today is refused.
 */
let server: ListServer;
let gov: Repositories;
const sian: Person = { id: 6, displayName: 'Siân Powell' };
const governance: Actor = { person: { id: 6 }, roles: ['governance'], panels: [] };
const officer: Actor = { person: { id: 7 }, roles: ['officers'], panels: [] };
/** The server stamps versions with the real clock: the day it is in the UK now. */
const ukToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

beforeAll(async () => {
  server = await startServer();
  gov = reposAs(server, 'governance');
});
afterAll(async () => {
  await server.close();
});

async function everything() {
  const [records, reviews, actions, history] = await Promise.all([
    gov.collaborations.all({}),
    gov.reviews.all(),
    gov.actions.all(),
    gov.history.all(),
  ]);
  if (!records.ok || !reviews.ok || !actions.ok || !history.ok) throw new Error('read failed');
  return { records: records.value, reviews: reviews.value, actions: actions.value, history: history.value };
}

it('an import writes each new record’s status, undated: a withdrawal among them is listed to date, counted in no year', async () => {
  const sp = spAs(server, 'governance');
  const tag = unique('H').replace(/-/g, '');
  const table = await readTable(new TextEncoder().encode(registerCsv(10, tag)));
  if (!table.ok) throw new Error(table.error.code);
  const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
  const base = { rows: table.value.rows, mapping: suggestMapping(table.value.headers, vocabulary), vocabulary };
  const people = new PeopleRepository(sp);
  const input = { ...base, people: await resolvePeople(personNames(base), (t, l) => people.search(t, l)) };
  const run = await runImport(createImportTarget(sp), input);
  if (!run.ok) throw new Error(JSON.stringify(run.error));
  expect(run.value.created).toBe(10);
  expect(run.value.historyNotWritten).toBe(0);

  const all = await everything();
  const mine = all.records.filter((r) => r.importKey?.toUpperCase().includes(tag.toUpperCase()));
  expect(mine).toHaveLength(10);
  const ids = new Set(mine.map((r) => r.id));
  const imported = all.history.filter((h) => ids.has(h.collaborationId) && h.aspect === 'status');
  // One status entry per record, from the import, with no date (the file does not say when it began).
  expect(imported).toHaveLength(10);
  expect(imported.every((h) => h.source === 'import' && h.on === undefined)).toBe(true);

  const summary = annualSummary({ ...all, period: financialYear(2026), today: ukToday });
  if (!summary.ok) throw new Error(JSON.stringify(summary.error));
  const undated = summary.value.undated.filter((u) => ids.has(u.id));
  const withdrawing = mine.filter((r) => r.status === 'withdrawing' || r.status === 'reforming');
  expect(undated.map((u) => u.id).sort()).toEqual(withdrawing.map((r) => r.id).sort());
  expect(summary.value.withdrawn.filter((w) => ids.has(w.id))).toEqual([]);

  // A second run changes nothing and writes no second history.
  const again = await runImport(createImportTarget(sp), input);
  expect(again.ok && again.value.unchanged).toBe(10);
  const after = await everything();
  expect(after.history.filter((h) => ids.has(h.collaborationId) && h.aspect === 'status')).toHaveLength(10);
});

it('the governance team dates a withdrawal from version history and a reform by hand; each is then counted once, in its year', async () => {
  const made = await gov.collaborations.create(collaboration(unique('COL-9')));
  if (!made.ok) throw new Error(JSON.stringify(made.error));
  // A status set before the history was kept: no history entry, no review to date it.
  const moved = await gov.collaborations.update({ ...made.value, status: 'withdrawing' });
  if (!moved.ok) throw new Error(JSON.stringify(moved.error));
  const reform = await gov.collaborations.create(collaboration(unique('COL-9'), { status: 'reforming' }));
  if (!reform.ok) throw new Error(JSON.stringify(reform.error));

  const before = annualSummary({ ...(await everything()), period: financialYear(2026), today: ukToday });
  if (!before.ok) throw new Error('summary');
  expect(before.value.undated.filter((u) => u.id === made.value.id || u.id === reform.value.id)).toHaveLength(2);

  // An officer may not; a day after today is refused; nothing is written either way.
  const change = { id: made.value.id, kind: 'withdrawn' as const, status: 'withdrawing' as const };
  expect(await dateUndatedChange(gov, { change, actor: officer, today: ukToday })).toEqual({
    ok: false,
    code: 'forbidden',
  });
  expect(await dateUndatedChange(gov, { change, actor: governance, today: '2026-01-10', on: '2026-01-11' })).toEqual({
    ok: false,
    code: 'futureDate',
  });
  expect(await dateUndatedChange(gov, { change, actor: governance, today: ukToday, on: '2025-02-30' })).toEqual({
    ok: false,
    code: 'invalidDate',
  });

  // From version history: the day the status became Withdrawing.
  const fromVersions = await dateUndatedChange(gov, { change, actor: governance, by: sian, today: ukToday });
  expect(fromVersions).toEqual({ ok: true, on: ukToday, source: 'versionHistory' });
  // Created as reforming: no version shows a change to it, so the team is asked for the day.
  const reformChange = { id: reform.value.id, kind: 'reformed' as const, status: 'reforming' as const };
  expect(await dateUndatedChange(gov, { change: reformChange, actor: governance, today: ukToday })).toEqual({
    ok: false,
    code: 'notInVersionHistory',
  });
  expect(
    await dateUndatedChange(gov, {
      change: reformChange,
      actor: governance,
      by: sian,
      today: ukToday,
      on: '2025-11-14',
    }),
  ).toEqual({ ok: true, on: '2025-11-14', source: 'dated' });

  const data = await everything();
  const dated = data.history.filter((h) => h.collaborationId === made.value.id && h.source === 'versionHistory');
  expect(dated.map((h) => [h.from, h.to, h.on, h.by?.displayName])).toEqual([
    ['active', 'withdrawing', ukToday, 'Siân Powell'],
  ]);
  const yearOfToday = Number(ukToday.slice(0, 4)) - (ukToday.slice(5) < '04-01' ? 1 : 0);
  const thisYear = annualSummary({ ...data, period: financialYear(yearOfToday), today: ukToday });
  const lastYear = annualSummary({ ...data, period: financialYear(2025), today: ukToday });
  if (!thisYear.ok || !lastYear.ok) throw new Error('summary');
  expect(thisYear.value.withdrawn.filter((w) => w.id === made.value.id)).toHaveLength(1);
  expect(lastYear.value.reformed.filter((w) => w.id === reform.value.id)).toHaveLength(1);
  expect(thisYear.value.undated.filter((u) => u.id === made.value.id || u.id === reform.value.id)).toEqual([]);
  expect(lastYear.value.withdrawn.filter((w) => w.id === made.value.id)).toEqual([]);
});
