import { mergePartners, type MergeStores } from '../../../src/app/mergePartners';
import type { Repositories } from '../../../src/data/repositories';
import type { Collaboration } from '../../../src/domain/collaboration';
import type { Partner } from '../../../src/domain/entities';
import type { Actor } from '../../../src/domain/policy';
import type { Stored } from '../../../src/domain/ports';
import { collaboration } from './fixtures';
import { reposAs, startServer, unique, type ListServer } from './helpers';

/** The merge use case through PnPjs against the embedded server (an empty site: only what each test makes). */
let server: ListServer;
let governance: Repositories;
let officer: Repositories;
const GOVERNANCE: Actor = { roles: ['governance'], panels: [] };
const OFFICER: Actor = { roles: ['officers'], panels: [] };

beforeAll(async () => {
  server = await startServer();
  governance = reposAs(server, 'governance');
  officer = reposAs(server, 'officer');
});
afterAll(async () => {
  await server.close();
});

async function partner(name: string, extra: Partial<Partner> = {}): Promise<Stored<Partner>> {
  const r = await governance.partners.create({ key: unique('p'), name, sector: 'localAuthority', ...extra });
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
}

async function record(partnerIds: number[], extra: Partial<Collaboration> = {}): Promise<Stored<Collaboration>> {
  const r = await governance.collaborations.create(collaboration(unique('COL'), { partnerIds, ...extra }));
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
}

async function reread(id: number): Promise<Stored<Collaboration>> {
  const r = await governance.collaborations.get(id);
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
}

/** The record as stored, without what every write changes (ETag, modified time). */
const content = ({ etag: _e, modified: _m, ...rest }: Stored<Collaboration>) => rest;

describe('mergePartners', () => {
  it('re-points every record that names the merged partner (never naming the kept one twice), fills the kept one and deletes the other', async () => {
    const keep = await partner('Torfaen County Borough Council');
    const merge = await partner('Torfaen CBC', {
      nameCy: 'Cyngor Bwrdeistref Sirol Torfaen',
      website: 'https://www.torfaen.gov.uk',
    });
    const other = await partner('Aneurin Bevan University Health Board', { sector: 'health' });
    const both1 = await record([keep.id, merge.id, other.id]);
    const both2 = await record([merge.id, keep.id]);
    const onlyMerged = await record([other.id, merge.id], { titleCy: 'Cydweithio â Thorfaen' });
    const untouched = await record([other.id]);

    const r = await mergePartners(governance, { keepId: keep.id, mergeId: merge.id, actor: GOVERNANCE });
    expect(r).toEqual({
      ok: true,
      value: { recordsChanged: 3, partnerUpdated: true, partnerDeleted: true, changed: 5 },
    });

    expect((await reread(both1.id)).partnerIds).toEqual([keep.id, other.id]);
    expect((await reread(both2.id)).partnerIds).toEqual([keep.id]);
    const after = await reread(onlyMerged.id);
    expect(after.partnerIds).toEqual([other.id, keep.id]);
    // Nothing else on the record changed.
    expect(content(after)).toEqual({ ...content(onlyMerged), partnerIds: [other.id, keep.id] });
    expect(await reread(untouched.id)).toEqual(untouched);

    const kept = await governance.partners.get(keep.id);
    expect(kept.ok && kept.value).toMatchObject({
      name: 'Torfaen County Borough Council',
      nameCy: 'Cyngor Bwrdeistref Sirol Torfaen',
      website: 'https://www.torfaen.gov.uk',
      sector: 'localAuthority',
    });
    const gone = await governance.partners.get(merge.id);
    expect(!gone.ok && gone.error.code).toBe('notFound');
    const naming = await governance.collaborations.partnerLinks(merge.id);
    expect(naming.ok && naming.value).toEqual([]);

    // Run again: nothing left to do, nothing written.
    const again = await mergePartners(governance, { keepId: keep.id, mergeId: merge.id, actor: GOVERNANCE });
    expect(again).toEqual({
      ok: true,
      value: { recordsChanged: 0, partnerUpdated: false, partnerDeleted: false, changed: 0 },
    });
  });

  it('keeps the kept partner’s own Welsh name and website', async () => {
    const keep = await partner('Gwent Police', { nameCy: 'Heddlu Gwent', website: 'https://www.gwent.police.uk' });
    const merge = await partner('Gwent Police Force', { nameCy: 'Heddlu', website: 'https://example.org' });
    const r = await mergePartners(governance, { keepId: keep.id, mergeId: merge.id, actor: GOVERNANCE });
    expect(r.ok && r.value.partnerUpdated).toBe(false);
    const kept = await governance.partners.get(keep.id);
    expect(kept.ok && [kept.value.nameCy, kept.value.website]).toEqual(['Heddlu Gwent', 'https://www.gwent.police.uk']);
  });

  it('stopped after some records (throttled), a rerun finishes it and changes each record once', async () => {
    const keep = await partner('Blaenau Gwent County Borough Council');
    const merge = await partner('Blaenau Gwent CBC');
    const records = await Promise.all([1, 2, 3, 4, 5].map(() => record([merge.id])));

    // SharePoint keeps refusing after PnPjs's own retries: the third write is given up as throttled.
    let writes = 0;
    const flaky: MergeStores = {
      partners: governance.partners,
      collaborations: {
        partnerLinks: (id) => governance.collaborations.partnerLinks(id),
        setPartners: (links) => {
          writes++;
          if (writes === 3) return Promise.resolve({ ok: false, error: { code: 'throttled', detail: 'test' } });
          return governance.collaborations.setPartners(links);
        },
      },
    };
    const first = await mergePartners(flaky, { keepId: keep.id, mergeId: merge.id, actor: GOVERNANCE });
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.error).toMatchObject({ code: 'store', error: { code: 'throttled' }, done: { recordsChanged: 2 } });
    // The merged partner is still there (deleted last), so the rerun can find what is left.
    expect((await governance.partners.get(merge.id)).ok).toBe(true);

    const second = await mergePartners(governance, { keepId: keep.id, mergeId: merge.id, actor: GOVERNANCE });
    expect(second).toEqual({
      ok: true,
      value: { recordsChanged: 3, partnerUpdated: false, partnerDeleted: true, changed: 4 },
    });
    for (const r of records) expect((await reread(r.id)).partnerIds).toEqual([keep.id]);
  });

  it('a record changed meanwhile is read again and merged on top of the change, with its new ETag', async () => {
    const keep = await partner('Monmouthshire County Council');
    const merge = await partner('Monmouthshire CC');
    const rec = await record([merge.id], { title: 'Before' });

    // Someone edits the record between the merge's read and its write.
    let interfered = false;
    const racing: MergeStores = {
      partners: governance.partners,
      collaborations: {
        partnerLinks: (id) => governance.collaborations.partnerLinks(id),
        setPartners: async (links) => {
          if (!interfered) {
            interfered = true;
            const current = await reread(links.id);
            const edited = await officer.collaborations.update({ ...current, title: 'Edited meanwhile' });
            if (!edited.ok) throw new Error(edited.error.detail);
          }
          return governance.collaborations.setPartners(links);
        },
      },
    };
    const r = await mergePartners(racing, { keepId: keep.id, mergeId: merge.id, actor: GOVERNANCE });
    expect(interfered).toBe(true);
    expect(r.ok && r.value.recordsChanged).toBe(1);
    const after = await reread(rec.id);
    expect(after.title).toBe('Edited meanwhile');
    expect(after.partnerIds).toEqual([keep.id]);
  });

  it('a merged partner changed meanwhile gives the kept one its new website before it is deleted', async () => {
    const keep = await partner('Newport City Council');
    const merge = await partner('Newport CC');
    const racing: MergeStores = {
      partners: {
        get: (id) => governance.partners.get(id),
        update: (p) => governance.partners.update(p),
        delete: async (id, etag) => {
          const current = await governance.partners.get(id);
          if (current.ok && current.value.website === undefined) {
            const edited = await governance.partners.update({
              ...current.value,
              website: 'https://www.newport.gov.uk',
            });
            if (!edited.ok) throw new Error(edited.error.detail);
          }
          return governance.partners.delete(id, etag);
        },
      },
      collaborations: governance.collaborations,
    };
    const r = await mergePartners(racing, { keepId: keep.id, mergeId: merge.id, actor: GOVERNANCE });
    expect(r).toEqual({
      ok: true,
      value: { recordsChanged: 0, partnerUpdated: true, partnerDeleted: true, changed: 2 },
    });
    const kept = await governance.partners.get(keep.id);
    expect(kept.ok && kept.value.website).toBe('https://www.newport.gov.uk');
  });

  it('refuses to merge a partner into itself, or into one that is not there, writing nothing', async () => {
    const p = await partner('Caerphilly County Borough Council');
    const rec = await record([p.id]);
    expect(await mergePartners(governance, { keepId: p.id, mergeId: p.id, actor: GOVERNANCE })).toEqual({
      ok: false,
      error: { code: 'samePartner' },
    });
    expect(await mergePartners(governance, { keepId: 999_999, mergeId: p.id, actor: GOVERNANCE })).toEqual({
      ok: false,
      error: { code: 'keptMissing' },
    });
    expect((await governance.partners.get(p.id)).ok).toBe(true);
    expect(await reread(rec.id)).toEqual(rec);
  });

  it('an officer may not merge: refused before anything is written, and SharePoint would refuse the delete too', async () => {
    const keep = await partner('Cardiff Council');
    const merge = await partner('City of Cardiff Council', { nameCy: 'Cyngor Dinas Caerdydd' });
    const rec = await record([merge.id]);
    expect(await mergePartners(officer, { keepId: keep.id, mergeId: merge.id, actor: OFFICER })).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await reread(rec.id)).toEqual(rec);
    // Past the policy (a role read wrongly), SharePoint's list permissions still refuse the partner writes.
    const r = await mergePartners(officer, { keepId: keep.id, mergeId: merge.id, actor: GOVERNANCE });
    expect(!r.ok && r.error.code === 'store' && r.error.error.code).toBe('forbidden');
    expect((await governance.partners.get(merge.id)).ok).toBe(true);
    const kept = await governance.partners.get(keep.id);
    expect(kept.ok && kept.value.nameCy).toBeUndefined();
  });
});

describe('partner links', () => {
  it('finds the records naming a partner by filter, and past the list view threshold by reading in ID order', async () => {
    const small = await startServer({ threshold: 3 });
    try {
      const g = reposAs(small, 'governance');
      const p = await g.partners.create({ key: unique('p'), name: 'Torfaen CBC', sector: 'other' });
      if (!p.ok) throw new Error(p.error.detail);
      const made: number[] = [];
      for (const ids of [[p.value.id], [], [p.value.id], [], [p.value.id]]) {
        const c = await g.collaborations.create(collaboration(unique('COL'), { partnerIds: ids }));
        if (!c.ok) throw new Error(c.error.detail);
        if (ids.length > 0) made.push(c.value.id);
      }
      const links = await g.collaborations.partnerLinks(p.value.id);
      expect(links.ok && links.value.map((l) => l.id).sort((a, b) => a - b)).toEqual(made);
    } finally {
      await small.close();
    }
  });
});
