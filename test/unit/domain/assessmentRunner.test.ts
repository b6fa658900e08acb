import {
  answerConflicts,
  checkAnswer,
  isAnswered,
  latestSubmitted,
  mergeAnswers,
  newAssessment,
  previousSubmitted,
  progressOf,
  sectionsOf,
  submissionProblems,
  submitAssessment,
} from '../../../src/domain/assessment';
import type { Answer, Assessment } from '../../../src/domain/entities';
import { aQuestion, aTemplate } from './fixtures';

const template = aTemplate(
  [
    aQuestion({ key: 'purpose', sectionKey: 's1', order: 2, kind: 'rag', weight: 2 }),
    aQuestion({ key: 'locallyDriven', sectionKey: 's1', order: 1, kind: 'yesPartialNo', allowNotApplicable: true }),
    aQuestion({ key: 'performance', sectionKey: 's2', order: 1, kind: 'score' }),
    aQuestion({ key: 'reviewedOn', sectionKey: 's2', order: 2, kind: 'date', required: false }),
    aQuestion({ key: 'minutes', sectionKey: 's2', order: 3, kind: 'evidence', required: false }),
    aQuestion({ key: 'comments', sectionKey: 's3', order: 1, kind: 'text', required: false }),
  ],
  {
    status: 'published',
    sections: [
      { key: 's1', titleEn: 'Local direction', titleCy: 'Cyfeiriad lleol' },
      { key: 's2', titleEn: 'Governance', titleCy: 'Llywodraethu' },
      { key: 's3', titleEn: 'Comments', titleCy: 'Sylwadau' },
      { key: 'empty', titleEn: 'Nothing here', titleCy: 'Dim byd yma' },
    ],
    thresholds: { green: 75, amber: 50 },
  },
);

const draft: Assessment = {
  key: 'ASM-COL-0042-A1B2',
  collaborationId: 42,
  templateKey: template.key,
  templateVersion: template.version,
  status: 'draft',
  answers: {},
};

const officer = { id: 7, displayName: 'Siân Llewelyn' };
const NOW = '2026-03-02T14:02:00.000Z';

describe('the runner shows a template section by section', () => {
  it('in the template’s section order, questions by their order, leaving out empty sections', () => {
    expect(sectionsOf(template).map((s) => [s.key, s.questions.map((q) => q.key)])).toEqual([
      ['s1', ['locallyDriven', 'purpose']],
      ['s2', ['performance', 'reviewedOn', 'minutes']],
      ['s3', ['comments']],
    ]);
  });

  it('counts answered and required questions per section and overall; not applicable counts as answered', () => {
    const p = progressOf(template, {
      locallyDriven: { kind: 'notApplicable' },
      performance: { kind: 'score', value: 4 },
      comments: { kind: 'text', value: '   ' },
    });
    expect(p.sections).toEqual([
      { sectionKey: 's1', questions: 2, answered: 1, required: 2, requiredAnswered: 1 },
      { sectionKey: 's2', questions: 3, answered: 1, required: 1, requiredAnswered: 1 },
      { sectionKey: 's3', questions: 1, answered: 0, required: 0, requiredAnswered: 0 },
    ]);
    expect([p.questions, p.answered, p.required, p.requiredAnswered]).toEqual([6, 2, 3, 2]);
  });

  it.each<[string, Answer | undefined, boolean]>([
    ['no answer', undefined, false],
    ['blank text', { kind: 'text', value: '  ' }, false],
    ['written text', { kind: 'text', value: 'Cytunwyd' }, true],
    ['not applicable', { kind: 'notApplicable' }, true],
    ['a rating', { kind: 'rag', value: 'red' }, true],
  ])('%s is answered: %p', (_case, answer, expected) => {
    expect(isAnswered(answer)).toBe(expected);
  });
});

describe('an answer outside its kind is refused as it is given', () => {
  const q = (key: string) => template.questions.find((x) => x.key === key)!;
  it.each<[string, string, unknown, string | undefined]>([
    ['a score of 7', 'performance', { kind: 'score', value: 7 }, 'outOfRange'],
    ['a score of 4', 'performance', { kind: 'score', value: 4 }, undefined],
    ['a date that is not a date', 'reviewedOn', { kind: 'date', value: '2026-02-30' }, 'invalidDate'],
    ['a real date', 'reviewedOn', { kind: 'date', value: '2026-02-28' }, undefined],
    ['a link that is not http(s)', 'minutes', { kind: 'evidence', value: 'ftp://council/minutes' }, 'invalidUrl'],
    ['words where a link goes', 'minutes', { kind: 'evidence', value: 'in the minutes' }, 'invalidUrl'],
    ['an https link', 'minutes', { kind: 'evidence', value: 'https://example.gov.wales/cofnodion' }, undefined],
    ['text over the length cap', 'comments', { kind: 'text', value: 'x'.repeat(70_000) }, 'tooLong'],
    ['a blank written answer in a draft', 'comments', { kind: 'text', value: '' }, undefined],
    ['not applicable where allowed', 'locallyDriven', { kind: 'notApplicable' }, undefined],
    ['not applicable where not allowed', 'purpose', { kind: 'notApplicable' }, 'notApplicableNotAllowed'],
  ])('%s', (_case, key, answer, code) => {
    expect(checkAnswer(q(key), answer)?.code).toBe(code);
  });
});

describe('submitting an assessment', () => {
  const complete: Record<string, Answer> = {
    locallyDriven: { kind: 'yesPartialNo', value: 'yes' },
    purpose: { kind: 'rag', value: 'amber' },
    performance: { kind: 'score', value: 4 },
    comments: { kind: 'text', value: '' },
  };

  it('freezes the answers with the score, RAG, template version, who and when', () => {
    const r = submitAssessment({ ...draft, answers: complete }, template, officer, NOW);
    expect(r).toEqual({
      ok: true,
      value: {
        ...draft,
        status: 'submitted',
        // Blank written answers are dropped from the snapshot.
        answers: {
          locallyDriven: complete.locallyDriven,
          purpose: complete.purpose,
          performance: complete.performance,
        },
        // (100×1 + 50×2 + 75×1) / 4 = 68.75, kept to one decimal place.
        score: 68.8,
        overallRag: 'amber',
        templateVersion: 1,
        submittedBy: officer,
        submittedOn: NOW,
      },
    });
  });

  it('lists every missing or faulty answer with its section, in the order the person meets them', () => {
    const answers = { performance: { kind: 'score', value: 9 }, minutes: { kind: 'evidence', value: 'see file' } };
    expect(
      submissionProblems(template, answers).map((p) => `${p.sectionKey}/${p.questionKey}:${p.error.code}`),
    ).toEqual([
      's1/locallyDriven:required',
      's1/purpose:required',
      's2/performance:outOfRange',
      's2/minutes:invalidUrl',
    ]);
    const r = submitAssessment({ ...draft, answers: answers as Assessment['answers'] }, template, officer, NOW);
    expect(r.ok).toBe(false);
  });

  it('an assessment that is already submitted cannot be submitted again', () => {
    const r = submitAssessment({ ...draft, status: 'submitted', answers: complete }, template, officer, NOW);
    expect(r).toEqual({
      ok: false,
      error: [expect.objectContaining({ field: 'status', code: 'transitionNotAllowed' })],
    });
  });

  it('is refused against another version of the template than the one it was answered against', () => {
    const r = submitAssessment({ ...draft, answers: complete }, { ...template, version: 2 }, officer, NOW);
    expect(r).toEqual({ ok: false, error: [{ field: 'templateVersion', code: 'invalidChoice' }] });
  });

  it('an assessment with only unscored answers has no score or RAG', () => {
    const textOnly = aTemplate([aQuestion({ key: 'notes', kind: 'text' })], { status: 'published' });
    const r = submitAssessment(
      { ...draft, templateKey: textOnly.key, answers: { notes: { kind: 'text', value: 'Dim' } } },
      textOnly,
      officer,
      NOW,
    );
    expect(r.ok && [r.value.score, r.value.overallRag, r.value.status]).toEqual([undefined, undefined, 'submitted']);
  });
});

describe('starting an assessment', () => {
  it('keeps the template version it is started against', () => {
    const r = newAssessment({ key: 'ASM-1', collaborationId: 42, template: { ...template, version: 3 } });
    expect(r).toEqual({
      ok: true,
      value: {
        key: 'ASM-1',
        collaborationId: 42,
        templateKey: template.key,
        templateVersion: 3,
        status: 'draft',
        answers: {},
      },
    });
  });

  it.each([
    ['a draft template', { ...template, status: 'draft' as const }, 'ASM-1', 'templateKey'],
    ['a retired template', { ...template, status: 'retired' as const }, 'ASM-1', 'templateKey'],
    ['no key', template, ' ', 'key'],
  ])('is refused for %s', (_case, tpl, key, field) => {
    const r = newAssessment({ key, collaborationId: 42, template: tpl });
    expect(r.ok ? [] : r.error.map((e) => e.field)).toEqual([field]);
  });
});

describe('comparing with the previous assessment', () => {
  const a = (key: string, submittedOn: string | undefined, templateKey = template.key, collaborationId = 42) => ({
    key,
    collaborationId,
    templateKey,
    status: submittedOn ? ('submitted' as const) : ('draft' as const),
    ...(submittedOn ? { submittedOn } : {}),
  });
  const all = [
    a('2024', '2024-03-01T10:00:00Z'),
    a('2025', '2025-03-01T10:00:00Z'),
    a('2025-other-template', '2025-06-01T10:00:00Z', 'five-ways-of-working'),
    a('other-collaboration', '2025-09-01T10:00:00Z', template.key, 43),
    a('draft', undefined),
  ];

  it('the previous of a submitted assessment is the latest submitted before it with the same template', () => {
    expect(previousSubmitted(all, { ...a('2026', '2026-03-01T10:00:00Z') })?.key).toBe('2025');
  });

  it('a draft compares with the latest submitted of its template', () => {
    expect(previousSubmitted(all, a('draft', undefined))?.key).toBe('2025');
  });

  it('falls back to another template of the same collaboration when none of its own came before', () => {
    expect(previousSubmitted(all, a('new', undefined, 'critical-success-factors'))?.key).toBe('2025-other-template');
  });

  it('the first assessment has nothing to compare with', () => {
    expect(previousSubmitted(all, a('2024', '2024-03-01T10:00:00Z'))).toBeUndefined();
  });

  it('the record shows the latest submitted assessment', () => {
    expect(latestSubmitted(all)?.key).toBe('other-collaboration');
    expect(latestSubmitted([a('draft', undefined)])).toBeUndefined();
  });
});

describe('two people answering one draft', () => {
  const base = { purpose: { kind: 'rag', value: 'amber' } } as const;
  const mine: Record<string, Answer> = {
    purpose: { kind: 'rag', value: 'green' },
    performance: { kind: 'score', value: 4 },
  };
  const theirs: Record<string, Answer> = {
    purpose: { kind: 'rag', value: 'amber' },
    performance: { kind: 'score', value: 2 },
    comments: { kind: 'text', value: 'Eu sylw nhw' },
  };
  const order = template.questions.map((q) => q.key);

  it('meet each question whose answers differ, with mine kept where I changed it and theirs where only they did', () => {
    expect(answerConflicts(base, mine, theirs, order).map((c) => [c.questionKey, c.suggested])).toEqual([
      ['purpose', 'mine'],
      ['performance', 'mine'],
      ['comments', 'theirs'],
    ]);
  });

  it('merge on top of the other person’s answers, keeping what each chose', () => {
    const conflicts = answerConflicts(base, mine, theirs, order);
    expect(mergeAnswers(mine, theirs, conflicts, { performance: 'theirs' })).toEqual({
      purpose: { kind: 'rag', value: 'green' },
      performance: { kind: 'score', value: 2 },
      comments: { kind: 'text', value: 'Eu sylw nhw' },
    });
  });

  it('identical answers are no conflict', () => {
    expect(answerConflicts(base, theirs, theirs, order)).toEqual([]);
  });
});
