import {
  answerPoints,
  canRemoveQuestion,
  compareAssessments,
  draftFrom,
  publishTemplate,
  ragOf,
  scoreAssessment,
  validateAnswers,
} from '../../../src/domain/assessment';
import type { Answer, AnswerKind } from '../../../src/domain/entities';
import { aQuestion, aTemplate } from './fixtures';

describe('points for an answer', () => {
  it.each<[AnswerKind, Answer, number | undefined]>([
    ['rag', { kind: 'rag', value: 'red' }, 0],
    ['rag', { kind: 'rag', value: 'amber' }, 50],
    ['rag', { kind: 'rag', value: 'green' }, 100],
    ['yesPartialNo', { kind: 'yesPartialNo', value: 'no' }, 0],
    ['yesPartialNo', { kind: 'yesPartialNo', value: 'partial' }, 50],
    ['yesPartialNo', { kind: 'yesPartialNo', value: 'yes' }, 100],
    ['score', { kind: 'score', value: 1 }, 0],
    ['score', { kind: 'score', value: 2 }, 25],
    ['score', { kind: 'score', value: 3 }, 50],
    ['score', { kind: 'score', value: 4 }, 75],
    ['score', { kind: 'score', value: 5 }, 100],
    ['score', { kind: 'score', value: 7 }, undefined],
    ['text', { kind: 'text', value: 'We meet quarterly.' }, undefined],
    ['date', { kind: 'date', value: '2026-11-24' }, undefined],
    ['evidence', { kind: 'evidence', value: 'https://example.org/minutes' }, undefined],
    ['rag', { kind: 'notApplicable' }, undefined],
    ['rag', { kind: 'score', value: 5 }, undefined],
  ])('a %s question answered %j earns %p', (kind, answer, points) => {
    expect(answerPoints({ kind }, answer)).toBe(points);
  });

  it.each([
    [74.9, 'amber'],
    [75, 'green'],
    [50, 'amber'],
    [49.99, 'red'],
    [0, 'red'],
    [100, 'green'],
  ])('a score of %p is %s by default', (score, rag) => {
    expect(ragOf(score)).toBe(rag);
  });
});

describe('scoring an assessment', () => {
  const template = aTemplate([
    aQuestion({ key: 'purpose', sectionKey: 's1', kind: 'rag', weight: 2 }),
    aQuestion({ key: 'outcomes', sectionKey: 's1', kind: 'yesPartialNo', allowNotApplicable: true }),
    aQuestion({ key: 'scrutiny', sectionKey: 's2', kind: 'score' }),
    aQuestion({ key: 'notes', sectionKey: 's2', kind: 'text', required: false }),
  ]);

  it('is the weighted mean of the scored answers, with section scores', () => {
    const s = scoreAssessment(template, {
      purpose: { kind: 'rag', value: 'green' },
      outcomes: { kind: 'yesPartialNo', value: 'partial' },
      scrutiny: { kind: 'score', value: 2 },
      notes: { kind: 'text', value: 'Scrutiny is by the joint committee.' },
    });
    // (100*2 + 50 + 25) / 4 = 68.75
    expect(s.overall).toEqual({ score: 68.75, rag: 'amber', answered: 4, scored: 3, notApplicable: 0, questions: 4 });
    expect(s.sections).toEqual([
      { sectionKey: 's1', score: 250 / 3, rag: 'green', answered: 2, scored: 2, notApplicable: 0, questions: 2 },
      { sectionKey: 's2', score: 25, rag: 'red', answered: 2, scored: 1, notApplicable: 0, questions: 2 },
    ]);
  });

  it('leaves a not-applicable answer out of the score rather than counting it as nought', () => {
    const s = scoreAssessment(template, {
      purpose: { kind: 'rag', value: 'green' },
      outcomes: { kind: 'notApplicable' },
    });
    expect(s.overall).toMatchObject({ score: 100, rag: 'green', answered: 2, scored: 1, notApplicable: 1 });
  });

  it('has no score when nothing is scorable', () => {
    const s = scoreAssessment(template, { notes: { kind: 'text', value: 'Only notes so far.' } });
    expect(s.overall.score).toBeUndefined();
    expect(s.overall.rag).toBeUndefined();
    expect(s.sections[0]?.score).toBeUndefined();
  });

  it('has no score for no answers at all', () => {
    expect(scoreAssessment(template, {}).overall).toEqual({ answered: 0, scored: 0, notApplicable: 0, questions: 4 });
  });

  it('a question weighted nought does not move the score', () => {
    const t = aTemplate([aQuestion({ key: 'a', weight: 1 }), aQuestion({ key: 'b', weight: 0 })]);
    const s = scoreAssessment(t, { a: { kind: 'rag', value: 'green' }, b: { kind: 'rag', value: 'red' } });
    expect(s.overall).toMatchObject({ score: 100, scored: 1 });
  });

  it("uses the template's own thresholds for the overall RAG", () => {
    const strict = aTemplate([aQuestion({ key: 'a', kind: 'score' })], { thresholds: { green: 90, amber: 80 } });
    expect(scoreAssessment(strict, { a: { kind: 'score', value: 4 } }).overall.rag).toBe('red');
    expect(scoreAssessment({ ...strict, thresholds: undefined }, { a: { kind: 'score', value: 4 } }).overall.rag).toBe(
      'green',
    );
  });

  it('ignores answers to questions the template does not have', () => {
    const s = scoreAssessment(template, {
      purpose: { kind: 'rag', value: 'red' },
      stray: { kind: 'rag', value: 'green' },
    });
    expect(s.overall).toMatchObject({ score: 0, answered: 1 });
  });
});

describe('validating answers', () => {
  const template = aTemplate([
    aQuestion({ key: 'rag', kind: 'rag' }),
    aQuestion({ key: 'ypn', kind: 'yesPartialNo', allowNotApplicable: true }),
    aQuestion({ key: 'score', kind: 'score' }),
    aQuestion({ key: 'text', kind: 'text' }),
    aQuestion({ key: 'date', kind: 'date', required: false }),
    aQuestion({ key: 'evidence', kind: 'evidence', required: false }),
  ]);
  const complete = {
    rag: { kind: 'rag', value: 'amber' },
    ypn: { kind: 'notApplicable' },
    score: { kind: 'score', value: 5 },
    text: { kind: 'text', value: "Cytunwyd gan y Cyd-bwyllgor; ŵyr, ŷd, â — and O'Brien's note." },
    date: { kind: 'date', value: '2024-02-29' },
    evidence: { kind: 'evidence', value: 'https://caerphilly.gov.uk/minutes?id=42' },
  };

  it('accepts a complete set for submission', () => {
    const result = validateAnswers(template, complete, { forSubmit: true });
    expect(result).toEqual({ ok: true, value: complete });
  });

  it.each<[string, string, unknown, string]>([
    ['a score of 7', 'score', { kind: 'score', value: 7 }, 'outOfRange'],
    ['a score of 0', 'score', { kind: 'score', value: 0 }, 'outOfRange'],
    ['a score of 2.5', 'score', { kind: 'score', value: 2.5 }, 'outOfRange'],
    ["a RAG of 'purple'", 'rag', { kind: 'rag', value: 'purple' }, 'outOfRange'],
    ["a yes/partial/no of 'maybe'", 'ypn', { kind: 'yesPartialNo', value: 'maybe' }, 'outOfRange'],
    ['a date that does not exist', 'date', { kind: 'date', value: '2023-02-29' }, 'invalidDate'],
    ['a date written the British way', 'date', { kind: 'date', value: '24/11/2026' }, 'invalidDate'],
    ['evidence that is not a link', 'evidence', { kind: 'evidence', value: 'see the shared drive' }, 'invalidUrl'],
    ['evidence on a file share', 'evidence', { kind: 'evidence', value: 'file://server/minutes.docx' }, 'invalidUrl'],
    ['evidence as a script', 'evidence', { kind: 'evidence', value: 'javascript:alert(1)' }, 'invalidUrl'],
    ['a RAG given to a score question', 'score', { kind: 'rag', value: 'green' }, 'wrongAnswerKind'],
    ['a bare value with no kind', 'rag', 'green', 'wrongAnswerKind'],
    ['text that is not a string', 'text', { kind: 'text', value: 42 }, 'wrongAnswerKind'],
    ['not applicable where it is not allowed', 'rag', { kind: 'notApplicable' }, 'notApplicableNotAllowed'],
    ['an answer to a question the template lacks', 'stray', { kind: 'rag', value: 'green' }, 'unknownQuestion'],
  ])('refuses %s', (_case, key, answer, code) => {
    const result = validateAnswers(template, { [key]: answer }, { forSubmit: false });
    expect(result).toEqual({ ok: false, error: [expect.objectContaining({ field: key, code })] });
  });

  it('lets a draft be incomplete', () => {
    expect(validateAnswers(template, { rag: { kind: 'rag', value: 'green' } }, { forSubmit: false }).ok).toBe(true);
  });

  it('an empty set is a valid draft and lists every required question on submit', () => {
    expect(validateAnswers(template, {}, { forSubmit: false })).toEqual({ ok: true, value: {} });
    const submitted = validateAnswers(template, {}, { forSubmit: true });
    expect(submitted.ok ? [] : submitted.error).toEqual([
      { field: 'rag', code: 'required' },
      { field: 'ypn', code: 'required' },
      { field: 'score', code: 'required' },
      { field: 'text', code: 'required' },
    ]);
  });

  it('on submit, blank text counts as no answer', () => {
    const result = validateAnswers(
      template,
      { ...complete, text: { kind: 'text', value: '   ' } },
      { forSubmit: true },
    );
    expect(result.ok ? [] : result.error).toEqual([{ field: 'text', code: 'required' }]);
  });

  it('reports every problem at once', () => {
    const result = validateAnswers(
      template,
      { rag: { kind: 'rag', value: 'purple' }, score: { kind: 'score', value: 9 }, stray: { kind: 'text', value: '' } },
      { forSubmit: true },
    );
    expect(result.ok ? [] : result.error.map((e) => `${e.field}:${e.code}`)).toEqual([
      'rag:outOfRange',
      'score:outOfRange',
      'stray:unknownQuestion',
      'ypn:required',
      'text:required',
    ]);
  });
});

describe('template versions', () => {
  const questions = [aQuestion({ key: 'purpose' }), aQuestion({ key: 'scrutiny', sectionKey: 's2' })];

  it('publishing a first draft makes version 1', () => {
    const result = publishTemplate(aTemplate(questions), []);
    expect(result.ok && result.value).toMatchObject({ status: 'published', version: 1 });
  });

  it('a new version is one more than the highest published version of the same template', () => {
    const published = [
      { key: 'governance-check', version: 1 },
      { key: 'governance-check', version: 3 },
      { key: 'wlga-principles', version: 7 },
    ];
    const result = publishTemplate(aTemplate(questions, { version: 2 }), published);
    expect(result.ok && result.value.version).toBe(4);
  });

  it('a template with no questions cannot be published', () => {
    expect(publishTemplate(aTemplate([]), [])).toEqual({
      ok: false,
      error: [{ field: 'questions', code: 'templateHasNoQuestions' }],
    });
  });

  it.each([
    ['a published version', { status: 'published' as const }, 'status', 'transitionNotAllowed'],
    ['no Welsh title', { titleCy: ' ' }, 'titleCy', 'required'],
    ['amber above green', { thresholds: { green: 60, amber: 70 } }, 'thresholds.amber', 'outOfRange'],
    ['a green threshold over 100', { thresholds: { green: 120, amber: 50 } }, 'thresholds.green', 'outOfRange'],
  ])('refuses to publish %s', (_case, overrides, field, code) => {
    const result = publishTemplate(aTemplate(questions, overrides), []);
    expect(result.ok ? [] : result.error).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('reports every problem with the questions at once', () => {
    const result = publishTemplate(
      aTemplate([
        aQuestion({ key: 'a', textCy: '' }),
        aQuestion({ key: 'a', sectionKey: 'nowhere' }),
        aQuestion({ key: 'b', weight: -1 }),
      ]),
      [],
    );
    expect(result.ok ? [] : result.error.map((e) => `${e.field}:${e.code}`)).toEqual([
      'questions.a.textCy:required',
      'questions.a:duplicateKey',
      'questions.a.sectionKey:unknownSection',
      'questions.b.weight:negative',
    ]);
  });

  it.each([
    ['draft', true],
    ['published', false],
    ['retired', false],
  ] as const)('a question can be removed from a %s version: %s', (status, allowed) => {
    expect(canRemoveQuestion({ status })).toBe(allowed);
  });

  it('a new draft from a published version can be edited, and publishing it makes the next version', () => {
    const published = { ...aTemplate(questions), id: 9, status: 'published' as const, version: 2 };
    const draft = draftFrom(published);
    expect(draft).toMatchObject({ status: 'draft', version: 3 });
    expect(draft.id).toBeUndefined();
    expect(canRemoveQuestion(draft)).toBe(true);
    draft.questions.pop();
    expect(published.questions).toHaveLength(2);
    const result = publishTemplate(draft, [published]);
    expect(result.ok && result.value.version).toBe(3);
  });
});

describe('comparing two assessments', () => {
  const template = aTemplate([
    aQuestion({ key: 'purpose', kind: 'rag' }),
    aQuestion({ key: 'scrutiny', kind: 'score', sectionKey: 's2' }),
    aQuestion({ key: 'notes', kind: 'text', sectionKey: 's2', required: false }),
    aQuestion({ key: 'risk', kind: 'yesPartialNo', allowNotApplicable: true }),
  ]);

  it('lists each changed answer with its score change, and the overall change', () => {
    const before = {
      answers: {
        purpose: { kind: 'rag', value: 'amber' },
        scrutiny: { kind: 'score', value: 2 },
        notes: { kind: 'text', value: 'Same words.' },
        risk: { kind: 'yesPartialNo', value: 'no' },
      } satisfies Record<string, Answer>,
    };
    const after = {
      answers: {
        purpose: { kind: 'rag', value: 'green' },
        scrutiny: { kind: 'score', value: 2 },
        notes: { kind: 'text', value: 'Same words.' },
        risk: { kind: 'notApplicable' },
      } satisfies Record<string, Answer>,
    };
    const comparison = compareAssessments(before, after, template);
    expect(comparison.changes).toEqual([
      {
        questionKey: 'purpose',
        sectionKey: 's1',
        before: { kind: 'rag', value: 'amber' },
        after: { kind: 'rag', value: 'green' },
        scoreBefore: 50,
        scoreAfter: 100,
        scoreChange: 50,
      },
      {
        questionKey: 'risk',
        sectionKey: 's1',
        before: { kind: 'yesPartialNo', value: 'no' },
        after: { kind: 'notApplicable' },
        scoreBefore: 0,
      },
    ]);
    // before: (50 + 25 + 0) / 3 = 25; after: (100 + 25) / 2 = 62.5
    expect(comparison).toMatchObject({ scoreBefore: 25, scoreAfter: 62.5, scoreChange: 37.5 });
  });

  it('an answer added where there was none is a change with no score before', () => {
    const comparison = compareAssessments(
      { answers: {} },
      { answers: { purpose: { kind: 'rag', value: 'red' } } },
      template,
    );
    expect(comparison.changes).toEqual([
      { questionKey: 'purpose', sectionKey: 's1', after: { kind: 'rag', value: 'red' }, scoreAfter: 0 },
    ]);
    expect(comparison.scoreBefore).toBeUndefined();
    expect(comparison.scoreChange).toBeUndefined();
  });

  it('two identical assessments have no changes', () => {
    const same = { answers: { purpose: { kind: 'rag', value: 'green' } satisfies Answer } };
    expect(compareAssessments(same, same, template)).toEqual({
      changes: [],
      scoreBefore: 100,
      scoreAfter: 100,
      scoreChange: 0,
    });
  });
});
