import { publishTemplateVersion, saveTemplateDraft, type TemplatePorts } from '../../../src/app/publishTemplateVersion';
import type { AssessmentTemplate } from '../../../src/domain/entities';
import type { RepoResult } from '../../../src/domain/ports';
import { aQuestion, aTemplate } from '../domain/fixtures';

/** A TemplateStore's version and save over a map keyed by `key@version`. */
function store(initial: AssessmentTemplate[] = []) {
  const items = new Map(initial.map((t) => [`${t.key}@${t.version}`, t]));
  const saved: AssessmentTemplate[] = [];
  const ports: TemplatePorts = {
    version: (key, version): Promise<RepoResult<AssessmentTemplate>> => {
      const t = items.get(`${key}@${version}`);
      return Promise.resolve(t ? { ok: true, value: t } : { ok: false, error: { code: 'notFound' } });
    },
    save: (t) => {
      items.set(`${t.key}@${t.version}`, t);
      saved.push(t);
      return Promise.resolve({ ok: true, value: t });
    },
  };
  return { ports, items, saved };
}

const v1 = aTemplate([aQuestion({ key: 'q1' })], { version: 1, status: 'published' });
const draft2 = aTemplate([aQuestion({ key: 'q1', textEn: 'Reworded' })], { version: 2, status: 'draft' });

describe('publishTemplateVersion', () => {
  it('publishes the draft as its own version number', async () => {
    const s = store([v1]);
    let writing = 0;
    const r = await publishTemplateVersion(s.ports, {
      draft: draft2,
      base: undefined,
      published: [v1],
      onWriting: () => (writing += 1),
    });
    expect(r.ok && r.value).toMatchObject({ version: 2, status: 'published' });
    expect(s.saved).toHaveLength(1);
    expect(writing).toBe(1);
    expect(s.items.get('governance-check@1')).toBe(v1);
  });

  it('refuses a template with no questions, saying why, and writes nothing', async () => {
    const s = store([v1]);
    let writing = 0;
    const r = await publishTemplateVersion(s.ports, {
      draft: { ...draft2, questions: [] },
      base: undefined,
      published: [v1],
      onWriting: () => (writing += 1),
    });
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid', errors: [{ field: 'questions', code: 'templateHasNoQuestions' }] },
    });
    expect(s.saved).toEqual([]);
    expect(writing).toBe(0);
  });

  it('is a conflict when someone else published that version meanwhile, and writes nothing', async () => {
    const theirs = { ...draft2, status: 'published' as const, titleEn: 'Theirs' };
    const s = store([v1, theirs]);
    const r = await publishTemplateVersion(s.ports, { draft: draft2, base: draft2, published: [v1] });
    expect(r).toEqual({ ok: false, error: { code: 'conflict', theirs } });
    expect(s.saved).toEqual([]);
  });

  it('is a conflict when someone else saved the draft since it was read', async () => {
    const theirs = { ...draft2, titleEn: 'Their draft' };
    const s = store([v1, theirs]);
    const r = await publishTemplateVersion(s.ports, { draft: draft2, base: draft2, published: [v1] });
    expect(!r.ok && r.error.code).toBe('conflict');
    expect(s.saved).toEqual([]);
  });

  it('passes on a failure to read what is stored', async () => {
    const s = store([v1]);
    const ports: TemplatePorts = {
      ...s.ports,
      version: () => Promise.resolve({ ok: false, error: { code: 'throttled' } }),
    };
    const r = await publishTemplateVersion(ports, { draft: draft2, base: undefined, published: [v1] });
    expect(r).toEqual({ ok: false, error: { code: 'failed', error: { code: 'throttled' } } });
    expect(s.saved).toEqual([]);
  });
});

describe('saveTemplateDraft', () => {
  it('keeps a draft over the one it was read from, still a draft', async () => {
    const s = store([v1, draft2]);
    const edited = { ...draft2, titleEn: 'Edited' };
    const r = await saveTemplateDraft(s.ports, { draft: edited, base: draft2, published: [v1] });
    expect(r.ok && r.value).toMatchObject({ titleEn: 'Edited', status: 'draft', version: 2 });
  });

  it('keeps a draft that could not yet be published (no questions), but not one without Welsh text', async () => {
    const s = store([v1]);
    const empty = await saveTemplateDraft(s.ports, {
      draft: { ...draft2, questions: [] },
      base: undefined,
      published: [v1],
    });
    expect(empty.ok).toBe(true);
    const noWelsh = await saveTemplateDraft(s.ports, {
      draft: { ...draft2, questions: [aQuestion({ key: 'q1', textCy: ' ' })] },
      base: undefined,
      published: [v1],
    });
    expect(noWelsh).toEqual({
      ok: false,
      error: { code: 'invalid', errors: [{ field: 'questions.q1.textCy', code: 'required' }] },
    });
    expect(s.saved).toHaveLength(1);
  });
});
