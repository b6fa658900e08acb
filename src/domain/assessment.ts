import { LIMITS } from './collaboration';
import { isIsoDate } from './dates';
import type { Answer, AnswerKind, Assessment, AssessmentTemplate, Question, Thresholds } from './entities';
import { err, fail, ok, type DomainError, type Result } from './result';
import { RAGS, type Rag } from './vocabulary';

/**
 * Assessments: scoring answers against a template version, checking answers,
 * and the rules of template versions. An assessment keeps the version it was
 * answered against, so a published version never changes.
 */

/** Points (0-100) each rated answer earns. Data that a council may override. */
export interface AnswerPoints {
  readonly rag: Readonly<Record<Rag, number>>;
  readonly yesPartialNo: Readonly<Record<'yes' | 'partial' | 'no', number>>;
  /** The 1-5 score scale: min earns 0, max earns 100, evenly between. */
  readonly score: { readonly min: number; readonly max: number };
}

export const DEFAULT_ANSWER_POINTS: AnswerPoints = {
  rag: { red: 0, amber: 50, green: 100 },
  yesPartialNo: { no: 0, partial: 50, yes: 100 },
  score: { min: 1, max: 5 },
};

export const DEFAULT_THRESHOLDS: Thresholds = { green: 75, amber: 50 };

/** Kinds of answer that carry a score; text, dates and evidence are not scored. */
export const SCORED_KINDS: readonly AnswerKind[] = ['rag', 'yesPartialNo', 'score'];

export type Answers = Readonly<Record<string, Answer | undefined>>;

/** What scoring needs of a template; thresholds default to green ≥ 75, amber ≥ 50. */
export type ScoringTemplate = Pick<AssessmentTemplate, 'sections' | 'questions'> & {
  readonly thresholds?: Thresholds | undefined;
};

/** The RAG of a score: at or above `green` green, at or above `amber` amber, else red. */
export function ragOf(score: number, thresholds: Thresholds = DEFAULT_THRESHOLDS): Rag {
  return score >= thresholds.green ? 'green' : score >= thresholds.amber ? 'amber' : 'red';
}

/**
 * An answer's points, or undefined when it carries none: not answered, not
 * applicable, a kind that is not scored, or not the question's kind or range.
 */
export function answerPoints(
  question: Pick<Question, 'kind'>,
  answer: Answer | undefined,
  points: AnswerPoints = DEFAULT_ANSWER_POINTS,
): number | undefined {
  if (answer === undefined || answer.kind !== question.kind) return undefined;
  switch (answer.kind) {
    case 'rag':
      return points.rag[answer.value];
    case 'yesPartialNo':
      return points.yesPartialNo[answer.value];
    case 'score': {
      const { min, max } = points.score;
      if (!Number.isInteger(answer.value) || answer.value < min || answer.value > max) return undefined;
      return ((answer.value - min) / (max - min)) * 100;
    }
    default:
      return undefined;
  }
}

export interface ScoreSummary {
  /** Weighted mean, 0-100, of the scored answers; undefined when nothing was scorable. */
  readonly score?: number;
  readonly rag?: Rag;
  /** Questions answered (not-applicable counts as answered). */
  readonly answered: number;
  /** Answers that carry a score (with a weight above 0). */
  readonly scored: number;
  readonly notApplicable: number;
  readonly questions: number;
}

export interface SectionScore extends ScoreSummary {
  readonly sectionKey: string;
}

export interface AssessmentScore {
  readonly overall: ScoreSummary;
  /** In the template's section order. */
  readonly sections: readonly SectionScore[];
}

function summarise(
  questions: readonly Question[],
  answers: Answers,
  thresholds: Thresholds,
  points: AnswerPoints,
): ScoreSummary {
  let weighted = 0;
  let weights = 0;
  let answered = 0;
  let scored = 0;
  let notApplicable = 0;
  for (const q of questions) {
    const answer = answers[q.key];
    if (answer === undefined) continue;
    answered += 1;
    if (answer.kind === 'notApplicable') {
      notApplicable += 1;
      continue;
    }
    const p = answerPoints(q, answer, points);
    if (p === undefined || !(q.weight > 0)) continue;
    scored += 1;
    weighted += p * q.weight;
    weights += q.weight;
  }
  const base = { answered, scored, notApplicable, questions: questions.length };
  if (weights === 0) return base;
  const score = weighted / weights;
  return { ...base, score, rag: ragOf(score, thresholds) };
}

/**
 * Scores answers against a template: each rated answer earns 0-100 points,
 * weighted by its question's weight; not-applicable answers and unscored kinds
 * are left out of the mean. The overall RAG uses the template's thresholds.
 * Answers to keys the template does not have are ignored (validateAnswers reports them).
 */
export function scoreAssessment(
  template: ScoringTemplate,
  answers: Answers,
  points: AnswerPoints = DEFAULT_ANSWER_POINTS,
): AssessmentScore {
  const thresholds = template.thresholds ?? DEFAULT_THRESHOLDS;
  return {
    overall: summarise(template.questions, answers, thresholds, points),
    sections: template.sections.map((s) => ({
      sectionKey: s.key,
      ...summarise(
        template.questions.filter((q) => q.sectionKey === s.key),
        answers,
        thresholds,
        points,
      ),
    })),
  };
}

const YES_PARTIAL_NO: readonly unknown[] = ['yes', 'partial', 'no'];
const RAG_VALUES: readonly unknown[] = RAGS;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const isBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() === '';

/** The problem with one answer to one question, or undefined; `blank` when a written answer is empty. */
function answerProblem(question: Question, raw: unknown, points: AnswerPoints): DomainError | 'blank' | undefined {
  const field = question.key;
  if (raw === null || typeof raw !== 'object' || !('kind' in raw)) {
    return err(field, 'wrongAnswerKind', { expected: question.kind });
  }
  const answer = raw as { kind: unknown; value?: unknown };
  if (answer.kind === 'notApplicable') {
    return question.allowNotApplicable ? undefined : err(field, 'notApplicableNotAllowed');
  }
  if (answer.kind !== question.kind) return err(field, 'wrongAnswerKind', { expected: question.kind });
  const value = answer.value;
  switch (question.kind) {
    case 'rag':
      return RAG_VALUES.includes(value) ? undefined : err(field, 'outOfRange');
    case 'yesPartialNo':
      return YES_PARTIAL_NO.includes(value) ? undefined : err(field, 'outOfRange');
    case 'score': {
      const { min, max } = points.score;
      return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? undefined
        : err(field, 'outOfRange', { min, max });
    }
    case 'text':
      if (typeof value !== 'string') return err(field, 'wrongAnswerKind', { expected: question.kind });
      if (isBlank(value)) return 'blank';
      return value.length > LIMITS.note ? err(field, 'tooLong', { max: LIMITS.note }) : undefined;
    case 'date':
      if (isBlank(value)) return 'blank';
      return isIsoDate(value) ? undefined : err(field, 'invalidDate');
    case 'evidence':
      if (isBlank(value)) return 'blank';
      return typeof value === 'string' && isHttpUrl(value.trim()) ? undefined : err(field, 'invalidUrl');
  }
}

/**
 * Checks answers against a template and returns every problem at once, each
 * with the question's key as its field: an answer outside its kind's range
 * (`outOfRange`), a date that is not one (`invalidDate`), evidence that is not
 * an http(s) link (`invalidUrl`), an answer of another kind (`wrongAnswerKind`),
 * not applicable where the question does not allow it, a key the template
 * does not have (`unknownQuestion`). On submit, every required question needs
 * an answer (`required`; empty text counts as no answer). A draft may be
 * incomplete. On success the answers are returned typed, blank ones dropped.
 */
export function validateAnswers(
  template: Pick<AssessmentTemplate, 'questions'>,
  answers: Readonly<Record<string, unknown>>,
  options: { readonly forSubmit: boolean; readonly points?: AnswerPoints },
): Result<Record<string, Answer>> {
  const points = options.points ?? DEFAULT_ANSWER_POINTS;
  const byKey = new Map(template.questions.map((q) => [q.key, q]));
  const errors: DomainError[] = [];
  const valid: Record<string, Answer> = {};
  for (const [key, raw] of Object.entries(answers)) {
    if (raw === undefined) continue;
    const question = byKey.get(key);
    if (!question) {
      errors.push(err(key, 'unknownQuestion'));
      continue;
    }
    const problem = answerProblem(question, raw, points);
    if (problem === undefined) valid[key] = raw as Answer;
    else if (problem !== 'blank') errors.push(problem);
  }
  if (options.forSubmit) {
    for (const q of template.questions) {
      const raw = answers[q.key];
      if (q.required && (raw === undefined || answerProblem(q, raw, points) === 'blank')) {
        errors.push(err(q.key, 'required'));
      }
    }
  }
  return errors.length > 0 ? fail(errors) : ok(valid);
}

/**
 * Publishes a draft as the next version of its template: the version number
 * is one more than the highest published (or retired) version with the same
 * key. Returns every problem at once: not a draft, no questions, a question or
 * section key used twice, a question in a section the template lacks, a title
 * or question text missing in English or Welsh, a negative weight, thresholds
 * out of 0-100 or amber above green.
 */
export function publishTemplate(
  draft: AssessmentTemplate,
  published: readonly Pick<AssessmentTemplate, 'key' | 'version'>[],
): Result<AssessmentTemplate> {
  const errors: DomainError[] = [];
  if (draft.status !== 'draft')
    errors.push(err('status', 'transitionNotAllowed', { from: draft.status, to: 'published' }));
  if (draft.titleEn.trim() === '') errors.push(err('titleEn', 'required'));
  if (draft.titleCy.trim() === '') errors.push(err('titleCy', 'required'));
  if (draft.questions.length === 0) errors.push(err('questions', 'templateHasNoQuestions'));

  const sectionKeys = new Set<string>();
  for (const s of draft.sections) {
    if (sectionKeys.has(s.key)) errors.push(err(`sections.${s.key}`, 'duplicateKey'));
    sectionKeys.add(s.key);
  }
  const questionKeys = new Set<string>();
  for (const q of draft.questions) {
    const field = `questions.${q.key}`;
    if (questionKeys.has(q.key)) errors.push(err(field, 'duplicateKey'));
    questionKeys.add(q.key);
    if (!sectionKeys.has(q.sectionKey)) errors.push(err(`${field}.sectionKey`, 'unknownSection'));
    if (q.textEn.trim() === '') errors.push(err(`${field}.textEn`, 'required'));
    if (q.textCy.trim() === '') errors.push(err(`${field}.textCy`, 'required'));
    if (q.weight < 0) errors.push(err(`${field}.weight`, 'negative'));
  }
  const { green, amber } = draft.thresholds;
  if (green < 0 || green > 100) errors.push(err('thresholds.green', 'outOfRange', { min: 0, max: 100 }));
  if (amber < 0 || amber > 100) errors.push(err('thresholds.amber', 'outOfRange', { min: 0, max: 100 }));
  if (amber > green) errors.push(err('thresholds.amber', 'outOfRange', { min: 0, max: green }));
  if (errors.length > 0) return fail(errors);

  const latest = published.filter((t) => t.key === draft.key).reduce((max, t) => Math.max(max, t.version), 0);
  return ok({ ...draft, status: 'published', version: latest + 1 });
}

/** A new draft from a published version, to be edited and published as the next version. */
export function draftFrom(template: AssessmentTemplate): AssessmentTemplate {
  const { id: _id, ...rest } = template;
  return {
    ...rest,
    status: 'draft',
    version: template.version + 1,
    sections: template.sections.map((s) => ({ ...s })),
    questions: template.questions.map((q) => ({ ...q })),
  };
}

/** Questions may be removed from a draft only: published and retired versions are what assessments were answered against. */
export function canRemoveQuestion(template: Pick<AssessmentTemplate, 'status'>): boolean {
  return template.status === 'draft';
}

/** Questions may be added or reworded on a draft only, for the same reason. */
export const canEditQuestions = canRemoveQuestion;

export interface QuestionChange {
  readonly questionKey: string;
  readonly sectionKey: string;
  readonly before?: Answer;
  readonly after?: Answer;
  readonly scoreBefore?: number;
  readonly scoreAfter?: number;
  /** after − before, when both carry a score. */
  readonly scoreChange?: number;
}

export interface AssessmentComparison {
  /** Questions whose answer changed (added, removed or different), in template order. */
  readonly changes: readonly QuestionChange[];
  readonly scoreBefore?: number;
  readonly scoreAfter?: number;
  readonly scoreChange?: number;
}

function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind !== b.kind) return false;
  return !('value' in a) || !('value' in b) || a.value === b.value;
}

/**
 * What changed from assessment `a` (before) to `b` (after), both answered
 * against `template`: each question whose answer differs, with the points
 * before and after, and the overall score change.
 */
export function compareAssessments(
  a: Pick<Assessment, 'answers'>,
  b: Pick<Assessment, 'answers'>,
  template: ScoringTemplate,
  points: AnswerPoints = DEFAULT_ANSWER_POINTS,
): AssessmentComparison {
  const changes: QuestionChange[] = [];
  for (const q of template.questions) {
    const before = a.answers[q.key];
    const after = b.answers[q.key];
    if (sameAnswer(before, after)) continue;
    const scoreBefore = answerPoints(q, before, points);
    const scoreAfter = answerPoints(q, after, points);
    changes.push({
      questionKey: q.key,
      sectionKey: q.sectionKey,
      ...(before !== undefined && { before }),
      ...(after !== undefined && { after }),
      ...(scoreBefore !== undefined && { scoreBefore }),
      ...(scoreAfter !== undefined && { scoreAfter }),
      ...(scoreBefore !== undefined && scoreAfter !== undefined && { scoreChange: scoreAfter - scoreBefore }),
    });
  }
  const overallBefore = scoreAssessment(template, a.answers, points).overall.score;
  const overallAfter = scoreAssessment(template, b.answers, points).overall.score;
  return {
    changes,
    ...(overallBefore !== undefined && { scoreBefore: overallBefore }),
    ...(overallAfter !== undefined && { scoreAfter: overallAfter }),
    ...(overallBefore !== undefined && overallAfter !== undefined && { scoreChange: overallAfter - overallBefore }),
  };
}

/* ------------------------------------------------------------------ */
/* The form runner: sections, progress, submission, conflicts.          */
/* ------------------------------------------------------------------ */

/** One section of a template with its questions in order, as the runner shows it. */
export interface RunnerSection {
  readonly key: string;
  readonly titleEn: string;
  readonly titleCy: string;
  readonly questions: readonly Question[];
}

/** The template's sections in order, each with its questions by `order`; empty sections are left out. */
export function sectionsOf(template: Pick<AssessmentTemplate, 'sections' | 'questions'>): RunnerSection[] {
  return template.sections
    .map((s) => ({
      key: s.key,
      titleEn: s.titleEn,
      titleCy: s.titleCy,
      questions: template.questions.filter((q) => q.sectionKey === s.key).sort((a, b) => a.order - b.order),
    }))
    .filter((s) => s.questions.length > 0);
}

/** True when an answer counts as given: present, and for written kinds not blank. */
export function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (answer.kind === 'text' || answer.kind === 'date' || answer.kind === 'evidence') return answer.value.trim() !== '';
  return true;
}

export interface SectionProgress {
  readonly sectionKey: string;
  readonly questions: number;
  readonly answered: number;
  readonly required: number;
  readonly requiredAnswered: number;
}

export interface AssessmentProgress {
  readonly sections: readonly SectionProgress[];
  readonly questions: number;
  readonly answered: number;
  readonly required: number;
  readonly requiredAnswered: number;
}

/** How far the answers go: answered and required counts, per section and overall (not applicable counts as answered). */
export function progressOf(
  template: Pick<AssessmentTemplate, 'sections' | 'questions'>,
  answers: Answers,
): AssessmentProgress {
  const sections = sectionsOf(template).map((s): SectionProgress => {
    let answered = 0;
    let required = 0;
    let requiredAnswered = 0;
    for (const q of s.questions) {
      const given = isAnswered(answers[q.key]);
      if (given) answered += 1;
      if (q.required) {
        required += 1;
        if (given) requiredAnswered += 1;
      }
    }
    return { sectionKey: s.key, questions: s.questions.length, answered, required, requiredAnswered };
  });
  const sum = (f: (s: SectionProgress) => number) => sections.reduce((n, s) => n + f(s), 0);
  return {
    sections,
    questions: sum((s) => s.questions),
    answered: sum((s) => s.answered),
    required: sum((s) => s.required),
    requiredAnswered: sum((s) => s.requiredAnswered),
  };
}

/**
 * The problem with one answer to one question, or undefined when it is
 * acceptable in a draft (a blank written answer is, until submission).
 */
export function checkAnswer(
  question: Question,
  answer: unknown,
  points: AnswerPoints = DEFAULT_ANSWER_POINTS,
): DomainError | undefined {
  if (answer === undefined) return undefined;
  const problem = answerProblem(question, answer, points);
  return problem === 'blank' ? undefined : problem;
}

/** A required question with no answer, named by its section so the person can find it. */
export interface MissingAnswer {
  readonly sectionKey: string;
  readonly questionKey: string;
}

/** Every problem that stops a submission, each placed in its section and in template order. */
export interface SubmissionProblem extends MissingAnswer {
  readonly error: DomainError;
}

export function submissionProblems(
  template: Pick<AssessmentTemplate, 'sections' | 'questions'>,
  answers: Readonly<Record<string, unknown>>,
  points: AnswerPoints = DEFAULT_ANSWER_POINTS,
): SubmissionProblem[] {
  const result = validateAnswers(template, answers, { forSubmit: true, points });
  if (result.ok) return [];
  const order = sectionsOf(template).flatMap((s) => s.questions);
  const position = new Map(order.map((q, i) => [q.key, i]));
  const byKey = new Map(template.questions.map((q) => [q.key, q]));
  return result.error
    .map((error) => ({ error, question: byKey.get(error.field) }))
    .filter((p) => p.question !== undefined)
    .sort((a, b) => (position.get(a.error.field) ?? 0) - (position.get(b.error.field) ?? 0))
    .map(({ error, question }) => ({
      sectionKey: (question as Question).sectionKey,
      questionKey: error.field,
      error,
    }));
}

/** A new draft assessment of a collaboration against a published template version. */
export function newAssessment(input: {
  readonly key: string;
  readonly collaborationId: number;
  readonly template: Pick<AssessmentTemplate, 'key' | 'version' | 'status'>;
  readonly dueDate?: string;
}): Result<Assessment> {
  const errors: DomainError[] = [];
  if (input.key.trim() === '') errors.push(err('key', 'required'));
  if (input.template.status !== 'published') errors.push(err('templateKey', 'invalidChoice'));
  if (input.dueDate !== undefined && !isIsoDate(input.dueDate)) errors.push(err('dueDate', 'invalidDate'));
  if (errors.length > 0) return fail(errors);
  return ok({
    key: input.key,
    collaborationId: input.collaborationId,
    templateKey: input.template.key,
    templateVersion: input.template.version,
    status: 'draft',
    answers: {},
    ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
  });
}

/** Scores are kept to one decimal place. */
export const roundScore = (score: number): number => Math.round(score * 10) / 10;

/**
 * Submits a draft: every answer valid and every required question answered
 * (else all the problems, each with its question key as the field); the
 * assessment must have been answered against this very template version. The
 * result is frozen: status submitted, the answers as given (blank written
 * answers dropped), the score (one decimal) and overall RAG, who submitted it
 * and when (`on`, an ISO instant, is a parameter: the domain reads no clock).
 */
export function submitAssessment(
  assessment: Assessment,
  template: ScoringTemplate & Pick<AssessmentTemplate, 'key' | 'version'>,
  by: Assessment['submittedBy'],
  on: string,
  points: AnswerPoints = DEFAULT_ANSWER_POINTS,
): Result<Assessment> {
  if (assessment.status !== 'draft') {
    return fail([err('status', 'transitionNotAllowed', { from: assessment.status, to: 'submitted' })]);
  }
  if (assessment.templateKey !== template.key || assessment.templateVersion !== template.version) {
    return fail([err('templateVersion', 'invalidChoice')]);
  }
  const valid = validateAnswers(template, assessment.answers, { forSubmit: true, points });
  if (!valid.ok) return valid;
  const answers: Record<string, Answer> = {};
  for (const [key, answer] of Object.entries(valid.value)) if (isAnswered(answer)) answers[key] = answer;
  const { overall } = scoreAssessment(template, answers, points);
  const { score: _score, overallRag: _rag, ...rest } = assessment;
  return ok({
    ...rest,
    status: 'submitted',
    answers,
    ...(overall.score !== undefined ? { score: roundScore(overall.score) } : {}),
    ...(overall.rag !== undefined ? { overallRag: overall.rag } : {}),
    ...(by !== undefined ? { submittedBy: by } : {}),
    submittedOn: on,
  });
}

/** A submitted assessment is read-only. */
export const isEditable = (assessment: Pick<Assessment, 'status'>): boolean => assessment.status === 'draft';

/**
 * The submitted assessment of the same collaboration that came before this
 * one (same template first, else any), to compare with; undefined when none.
 */
export function previousSubmitted<
  A extends Pick<Assessment, 'key' | 'collaborationId' | 'templateKey' | 'status' | 'submittedOn'>,
>(
  assessments: readonly A[],
  current: Pick<Assessment, 'key' | 'collaborationId' | 'templateKey' | 'submittedOn'>,
): A | undefined {
  const before = assessments
    .filter(
      (a) =>
        a.key !== current.key &&
        a.collaborationId === current.collaborationId &&
        a.status === 'submitted' &&
        a.submittedOn !== undefined &&
        (current.submittedOn === undefined || a.submittedOn < current.submittedOn),
    )
    .sort((a, b) => ((a.submittedOn ?? '') < (b.submittedOn ?? '') ? 1 : -1));
  return before.find((a) => a.templateKey === current.templateKey) ?? before[0];
}

/** The latest submitted assessment: the one the record and the register show. */
export function latestSubmitted<A extends Pick<Assessment, 'status' | 'submittedOn'>>(
  assessments: readonly A[],
): A | undefined {
  let latest: A | undefined;
  for (const a of assessments) {
    if (a.status !== 'submitted' || a.submittedOn === undefined) continue;
    if (!latest || (latest.submittedOn ?? '') < a.submittedOn) latest = a;
  }
  return latest;
}

/** Two people changed one draft: the questions whose answers differ between the two versions. */
export interface AnswerConflict {
  readonly questionKey: string;
  readonly mine?: Answer;
  readonly theirs?: Answer;
  /** Keep theirs where only they changed it, otherwise keep mine. */
  readonly suggested: 'mine' | 'theirs';
}

export function answerConflicts(
  base: Answers,
  mine: Answers,
  theirs: Answers,
  questionOrder: readonly string[] = [],
): AnswerConflict[] {
  const keys = new Set([...questionOrder, ...Object.keys(mine), ...Object.keys(theirs)]);
  const out: AnswerConflict[] = [];
  for (const key of keys) {
    const m = mine[key];
    const t = theirs[key];
    if (sameAnswer(m, t)) continue;
    out.push({
      questionKey: key,
      ...(m !== undefined ? { mine: m } : {}),
      ...(t !== undefined ? { theirs: t } : {}),
      suggested: sameAnswer(m, base[key]) ? 'theirs' : 'mine',
    });
  }
  return out;
}

/** Merges two versions of a draft's answers: theirs, with mine wherever the person chose mine (default: the suggestion). */
export function mergeAnswers(
  mine: Answers,
  theirs: Answers,
  conflicts: readonly AnswerConflict[],
  choices: Readonly<Record<string, 'mine' | 'theirs'>>,
): Record<string, Answer> {
  const merged: Record<string, Answer> = {};
  for (const [k, v] of Object.entries(theirs)) if (v !== undefined) merged[k] = v;
  for (const c of conflicts) {
    if ((choices[c.questionKey] ?? c.suggested) !== 'mine') continue;
    const m = mine[c.questionKey];
    if (m === undefined) delete merged[c.questionKey];
    else merged[c.questionKey] = m;
  }
  return merged;
}
