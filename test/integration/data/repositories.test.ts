import { countItems, reposAs, startServer, unique, type ListServer } from './helpers';
import { action, collaboration } from './fixtures';
import type { Repositories } from '../../../src/data/repositories';

/** The repositories through PnPjs against the embedded SharePoint-compatible server (demo site). */
let server: ListServer;
let officer: Repositories;
let governance: Repositories;

beforeAll(async () => {
  server = await startServer({ demo: true });
  officer = reposAs(server, 'officer');
  governance = reposAs(server, 'governance');
});
afterAll(async () => {
  await server.close();
});

describe('collaborations', () => {
  it('creates, reads back by id and by reference, and maps every field', async () => {
    const ref = await officer.collaborations.nextReference();
    expect(ref.ok).toBe(true);
    if (!ref.ok) return;
    const record = collaboration(ref.value, {
      leadOfficer: { id: 9, displayName: "Dylan O'Brien" },
      startDate: '2026-04-01',
      lastReviewDate: '2025-07-01',
      annualCost: 25000,
      councilContribution: 5000,
      significance: 'high',
      titleCy: 'Cydweithio prawf',
    });
    const created = await officer.collaborations.create(record);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.id).toBeGreaterThan(0);
    expect(created.value.etag).toMatch(/^"/);

    const byId = await officer.collaborations.get(created.value.id);
    expect(byId.ok && byId.value).toMatchObject({ ...record, leadOfficer: { id: 9, displayName: "Dylan O'Brien" } });
    const byRef = await officer.collaborations.getByReference(ref.value);
    expect(byRef.ok && byRef.value.id).toBe(created.value.id);
  });

  it('nextReference is one past the highest reference', async () => {
    const first = await officer.collaborations.nextReference();
    if (!first.ok) throw new Error(first.error.detail);
    const created = await officer.collaborations.create(collaboration(first.value));
    expect(created.ok).toBe(true);
    const next = await officer.collaborations.nextReference();
    expect(next.ok && next.value).not.toBe(first.value);
    expect(next.ok && Number(next.value.slice(4))).toBe(Number(first.value.slice(4)) + 1);
  });

  it('escapes filter values end to end: an officer named O’Brien, a title with ŵ ŷ â, # and %', async () => {
    const next = await officer.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const title = `Gwasanaeth ŵ ŷ â #1 100% & partners + 'quotes'`;
    const directorate = "O'Brien's Directorate #2 & 50%";
    const created = await officer.collaborations.create(
      collaboration(next.value, { title, directorate, leadOfficer: { id: 9, displayName: "Dylan O'Brien" } }),
    );
    expect(created.ok).toBe(true);

    const byDirectorate = await officer.collaborations.all({ directorate });
    expect(byDirectorate.ok && byDirectorate.value.map((c) => c.title)).toEqual([title]);

    const bySearch = await officer.collaborations.all({ directorate, search: 'Gwasanaeth ŵ ŷ â #1 100%' });
    expect(bySearch.ok && bySearch.value).toHaveLength(1);

    const byOfficer = await officer.collaborations.all({ leadOfficerId: 9 });
    expect(byOfficer.ok && byOfficer.value.some((c) => c.title === title)).toBe(true);
  });

  it('queries on indexed columns and pages with a token', async () => {
    const page = await officer.collaborations.query({ status: ['active', 'underReview'], pageSize: 5 });
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.value.items.length).toBeLessThanOrEqual(5);
    for (const c of page.value.items) expect(['active', 'underReview']).toContain(c.status);
    expect(page.value.next).toMatch(/skiptoken/i);
    if (page.value.next) {
      const second = await officer.collaborations.query(
        { status: ['active', 'underReview'], pageSize: 5 },
        page.value.next,
      );
      expect(second.ok).toBe(true);
      const firstIds = new Set(page.value.items.map((c) => c.id));
      expect(second.ok && second.value.items.every((c) => !firstIds.has(c.id))).toBe(true);
    }
  });

  it('refuses a page token that points off the site', async () => {
    const r = await officer.collaborations.query({}, 'https://evil.example/_api/web/lists');
    expect(!r.ok && r.error.code).toBe('invalid');
  });

  it('combines filters: model, scope, significance, panel and status', async () => {
    const directorate = unique('Combined');
    const make = async (extra: Parameters<typeof collaboration>[1]) => {
      const next = await officer.collaborations.nextReference();
      if (!next.ok) throw new Error(next.error.detail);
      const c = await officer.collaborations.create(collaboration(next.value, { directorate, ...extra }));
      if (!c.ok) throw new Error(c.error.detail);
      return c.value.reference;
    };
    const joint = await make({ model: 'jointCommittee', significance: 'high', panel: 'Audit Committee' });
    const contract = await make({ model: 'contractualArrangement', significance: 'low', status: 'proposed' });
    const refs = async (q: Parameters<Repositories['collaborations']['all']>[0]) => {
      const r = await officer.collaborations.all({ directorate, ...q });
      if (!r.ok) throw new Error(`${r.error.code} ${r.error.detail ?? ''}`);
      return r.value.map((c) => c.reference).sort();
    };
    expect(await refs({ inScope: true })).toEqual([joint]);
    expect(await refs({ inScope: false })).toEqual([contract]);
    expect(await refs({ model: ['contractualArrangement', 'corporateVehicle'] })).toEqual([contract]);
    expect(await refs({ significance: ['high'], panel: 'Audit Committee' })).toEqual([joint]);
    expect(await refs({ status: ['proposed'] })).toEqual([contract]);
    const ordered = await officer.collaborations.all({
      directorate,
      orderBy: { field: 'reference', direction: 'desc' },
    });
    expect(ordered.ok && ordered.value.map((c) => c.reference)).toEqual([contract, joint]);
  });

  it('filters review dates as days', async () => {
    const next = await officer.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const directorate = unique('Dates');
    await officer.collaborations.create(collaboration(next.value, { directorate, nextReviewDue: '2026-07-01' }));
    const on = await officer.collaborations.all({
      directorate,
      reviewDueOnOrBefore: '2026-07-01',
      reviewDueOnOrAfter: '2026-07-01',
    });
    expect(on.ok && on.value).toHaveLength(1);
    const before = await officer.collaborations.all({ directorate, reviewDueOnOrBefore: '2026-06-30' });
    expect(before.ok && before.value).toHaveLength(0);
    const after = await officer.collaborations.all({ directorate, reviewDueOnOrAfter: '2026-07-02' });
    expect(after.ok && after.value).toHaveLength(0);
  });

  it('an update with a stale ETag is a conflict carrying both versions', async () => {
    const next = await officer.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const created = await officer.collaborations.create(collaboration(next.value));
    if (!created.ok) throw new Error(created.error.detail);
    const a = created.value;
    const first = await governance.collaborations.update({ ...a, purpose: 'Changed by the governance team.' });
    expect(first.ok).toBe(true);
    const second = await officer.collaborations.update({ ...a, purpose: 'Changed by the officer, from a stale read.' });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe('conflict');
    expect(second.error.theirs?.purpose).toBe('Changed by the governance team.');
    expect(second.error.mine?.purpose).toBe('Changed by the officer, from a stale read.');
    // With the ETag of what is now stored, the officer's change goes through.
    const retry = await officer.collaborations.update({ ...(second.error.theirs ?? a), purpose: 'Merged.' });
    expect(retry.ok && retry.value.purpose).toBe('Merged.');
  });

  it('a create whose first attempt landed is idempotent; a different record with the same reference is a duplicate', async () => {
    const next = await officer.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const record = collaboration(next.value);
    const first = await officer.collaborations.create(record);
    const again = await officer.collaborations.create(record);
    expect(first.ok && again.ok && again.value.id === first.value.id).toBe(true);
    const other = await officer.collaborations.create({ ...record, title: 'Someone else’s record' });
    expect(other.ok).toBe(false);
    expect(!other.ok && other.error.code).toBe('duplicate');
    expect(!other.ok && other.error.theirs).toMatchObject({ title: record.title });
    expect(await countItems(server, 'Collaborations', `Reference eq '${next.value}'`)).toBe(1);
  });

  it('keeps field-level versions with the editor', async () => {
    const next = await officer.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const created = await officer.collaborations.create(collaboration(next.value));
    if (!created.ok) throw new Error(created.error.detail);
    const updated = await governance.collaborations.update({
      ...created.value,
      status: 'underReview',
      nextReviewDue: '2026-08-01',
    });
    expect(updated.ok).toBe(true);
    const versions = await officer.collaborations.versions(created.value.id);
    expect(versions.ok).toBe(true);
    if (!versions.ok) return;
    expect(versions.value.length).toBeGreaterThanOrEqual(2);
    const latest = versions.value[0];
    expect(latest?.editor).toBe('Siân Powell');
    expect(latest?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', oldValue: 'active', newValue: 'underReview' },
        { field: 'nextReviewDue', oldValue: '2026-06-15', newValue: '2026-08-01' },
      ]),
    );
  });
});

describe('permissions', () => {
  it('an officer cannot create a partner organisation', async () => {
    const r = await officer.partners.create({ key: unique('P'), name: 'Not allowed', sector: 'other' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('forbidden');
  });

  it('the governance team can, and officers read partners', async () => {
    const key = unique('P');
    const r = await governance.partners.create({
      key,
      name: "Partneriaeth Iechyd Cyhoeddus — O'Neill",
      sector: 'health',
    });
    expect(r.ok).toBe(true);
    const all = await officer.partners.all();
    expect(all.ok && all.value.some((p) => p.key === key)).toBe(true);
  });

  it('officers cannot read the reminder log', async () => {
    const r = await officer.reminderLog.byKeys(['anything']);
    expect(r.ok).toBe(false);
    expect(!r.ok && ['forbidden', 'notFound']).toContain(!r.ok && r.error.code);
  });
});

describe('reviews, actions, assessments, templates, channel mappings, reminder log', () => {
  let collaborationId = 0;
  beforeAll(async () => {
    const next = await officer.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const c = await officer.collaborations.create(collaboration(next.value));
    if (!c.ok) throw new Error(c.error.detail);
    collaborationId = c.value.id;
  });

  it('reviews by collaboration and by due date', async () => {
    const key = unique('REV');
    const r = await reposAs(server, 'governance').reviews.create({
      key,
      collaborationId,
      title: 'Annual review',
      kind: 'annualReview',
      dueDate: '2026-05-20',
      attendees: [
        { id: 7, displayName: 'Rhys Davies' },
        { id: 10, displayName: 'Llŷr Evans' },
      ],
      conversationUrl: 'https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1?x=1&y=%20',
    });
    expect(r.ok).toBe(true);
    const mine = await officer.reviews.forCollaboration(collaborationId);
    expect(mine.ok && mine.value.map((x) => x.key)).toEqual([key]);
    expect(mine.ok && mine.value[0]?.attendees.map((p) => p.displayName)).toEqual(['Rhys Davies', 'Llŷr Evans']);
    const due = await officer.reviews.dueBetween('2026-05-20', '2026-05-20');
    expect(due.ok && due.value.some((x) => x.key === key)).toBe(true);
  });

  it('actions: one, a batch, by owner, open and due', async () => {
    const single = await officer.actions.create(
      action(unique('ACT'), { collaborationId, scope: 'collaboration', owner: { id: 7, displayName: 'Rhys Davies' } }),
    );
    expect(single.ok).toBe(true);
    const keys = Array.from({ length: 250 }, () => unique('ACT'));
    const many = await officer.actions.createMany(
      keys.map((k) => action(k, { collaborationId, scope: 'collaboration', dueDate: '2026-04-30' })),
    );
    expect(many.filter((r) => r.ok)).toHaveLength(250);
    const ids = new Set(many.map((r) => (r.ok ? r.value.id : 0)));
    expect(ids.size).toBe(250);
    const byCollaboration = await officer.actions.forCollaboration(collaborationId);
    expect(byCollaboration.ok && byCollaboration.value).toHaveLength(251);
    const byOwner = await officer.actions.forOwner(7);
    expect(byOwner.ok && byOwner.value.some((a) => single.ok && a.id === single.value.id)).toBe(true);
    const open = await officer.actions.openDueOnOrBefore('2026-04-30');
    expect(open.ok && open.value.filter((a) => a.collaborationId === collaborationId)).toHaveLength(250);
    // A batch sent twice writes nothing twice.
    const again = await officer.actions.createMany(
      keys.slice(0, 10).map((k) => action(k, { collaborationId, scope: 'collaboration', dueDate: '2026-04-30' })),
    );
    expect(again.every((r) => r.ok)).toBe(true);
    expect(await countItems(server, 'Actions', `CollaborationId eq ${collaborationId}`)).toBe(251);
  });

  it('assessments: create, drafts, update', async () => {
    const key = unique('ASM');
    const a = await officer.assessments.create({
      key,
      collaborationId,
      templateKey: 'wlga-principles',
      templateVersion: 1,
      status: 'draft',
      answers: { p1: { kind: 'rag', value: 'amber' }, p2: { kind: 'text', value: "Mae'n dda — 100% #1" } },
    });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const drafts = await officer.assessments.drafts();
    expect(drafts.ok && drafts.value.some((d) => d.key === key)).toBe(true);
    const submitted = await officer.assessments.update({
      ...a.value,
      status: 'submitted',
      score: 70,
      overallRag: 'amber',
      submittedOn: '2026-03-01T10:00:00Z',
    });
    expect(submitted.ok).toBe(true);
    const read = await officer.assessments.get(a.value.id);
    expect(read.ok && read.value).toMatchObject({
      status: 'submitted',
      overallRag: 'amber',
      answers: { p2: { kind: 'text', value: "Mae'n dda — 100% #1" } },
    });
  });

  it('templates: save a version with questions, read it back, change it', async () => {
    const key = unique('tpl');
    const template = {
      key,
      version: 1,
      status: 'published' as const,
      titleEn: 'Test principles',
      titleCy: 'Egwyddorion prawf',
      sections: [{ key: 's1', titleEn: 'Purpose', titleCy: 'Diben' }],
      thresholds: { green: 75, amber: 50 },
      questions: [
        {
          key: 'q1',
          sectionKey: 's1',
          order: 1,
          textEn: 'Is the purpose clear?',
          textCy: "A yw'r diben yn glir?",
          kind: 'rag' as const,
          required: true,
          allowNotApplicable: false,
          weight: 1,
        },
        {
          key: 'q2',
          sectionKey: 's1',
          order: 2,
          textEn: 'Score',
          textCy: 'Sgôr',
          kind: 'score' as const,
          required: false,
          allowNotApplicable: true,
          weight: 2,
        },
      ],
    };
    const saved = await governance.templates.save(template);
    expect(saved.ok && saved.value).toEqual(template);
    const published = await officer.templates.published();
    expect(published.ok && published.value.find((t) => t.key === key)).toEqual(template);
    const changed = { ...template, questions: [{ ...template.questions[0]!, textEn: 'Is the purpose still clear?' }] };
    const resaved = await governance.templates.save(changed);
    expect(resaved.ok && resaved.value.questions.map((q) => q.textEn)).toEqual(['Is the purpose still clear?']);
  });

  it('channel mappings read', async () => {
    const all = await officer.channelMappings.all();
    expect(all.ok).toBe(true);
  });

  it('reminder log: claim is exclusive, byKeys reads on the key', async () => {
    const key = unique('reviewDueSoon:COL-0001');
    const entry = {
      key,
      kind: 'reviewDueSoon',
      itemRef: 'COL-0001',
      dueDate: '2026-06-15',
      channelKey: 'social',
      state: 'pending' as const,
      runDate: '2026-06-01',
    };
    const first = await governance.reminderLog.claim(entry);
    expect(first.ok).toBe(true);
    const second = await governance.reminderLog.claim(entry);
    expect(!second.ok && second.error.code).toBe('duplicate');
    expect(!second.ok && second.error.theirs).toMatchObject({ key, state: 'pending' });
    if (!first.ok) return;
    const posted = await governance.reminderLog.update({
      ...first.value,
      state: 'posted',
      postedOn: '2026-06-01T07:00:00Z',
    });
    expect(posted.ok).toBe(true);
    const read = await governance.reminderLog.byKeys([key, 'missing']);
    expect(read.ok && read.value.map((e) => e.state)).toEqual(['posted']);
  });
});
