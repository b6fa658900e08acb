import { z } from 'zod';
import {
  questionSchema,
  sectionSchema,
  templateSchema,
  thresholdsSchema,
  type AssessmentTemplate,
  type Question,
} from '../../domain/entities';
import {
  ASSESSMENT_QUESTIONS,
  ASSESSMENT_TEMPLATES,
  questionItemKey,
  questionKeyOf,
  templateVersionKey,
} from '../schema';
import { ItemWriter, mapItem, unstored, type Mapped, type SpItem } from './common';
import type { ListMapper } from './types';

/**
 * A template version is one item of Assessment Templates (sections and RAG
 * thresholds as JSON) plus its questions, one item each in Assessment
 * Questions, joined on TemplateVersionKey.
 */
export type TemplateHeader = Omit<AssessmentTemplate, 'questions'>;
const headerSchema = templateSchema.omit({ questions: true }).extend({
  sections: z.array(sectionSchema),
  thresholds: thresholdsSchema,
});

export const TEMPLATE_COLUMNS = {
  key: 'TemplateKey',
  version: 'TemplateVersion',
  status: 'TemplateStatus',
  titleEn: 'Title',
  titleCy: 'TitleCy',
  descriptionEn: 'DescriptionEn',
  descriptionCy: 'DescriptionCy',
  source: 'Source',
  sections: 'SectionsJson',
  thresholds: 'ThresholdsJson',
} as const satisfies Record<Exclude<keyof TemplateHeader, 'id'>, string>;

const t = TEMPLATE_COLUMNS;

export const templateMapper: ListMapper<TemplateHeader> = {
  list: ASSESSMENT_TEMPLATES,
  columns: t,
  choiceSets: { TemplateStatus: 'templateStatus' },
  fromItem: (item: SpItem) =>
    mapItem<TemplateHeader>(ASSESSMENT_TEMPLATES, item, headerSchema, t, (r) => ({
      key: r.text(t.key),
      version: r.number(t.version),
      status: r.choice(t.status, 'templateStatus'),
      titleEn: r.text(t.titleEn),
      titleCy: r.text(t.titleCy) ?? '',
      descriptionEn: r.optText(t.descriptionEn),
      descriptionCy: r.optText(t.descriptionCy),
      source: r.optText(t.source),
      sections: r.json(t.sections) ?? [],
      thresholds: r.json(t.thresholds),
    })),
  toItem: (v: TemplateHeader) =>
    new ItemWriter(ASSESSMENT_TEMPLATES)
      .text(t.titleEn, v.titleEn)
      .text('TemplateVersionKey', templateVersionKey(v.key, v.version))
      .text(t.key, v.key)
      .text(t.titleCy, v.titleCy)
      .number(t.version, v.version)
      .choice(t.status, 'templateStatus', v.status)
      .text(t.descriptionEn, v.descriptionEn)
      .text(t.descriptionCy, v.descriptionCy)
      .text(t.source, v.source)
      .json(t.sections, v.sections)
      .json(t.thresholds, v.thresholds)
      .build(),
  keyOf: (v) => templateVersionKey(v.key, v.version),
};

/** A question as stored: the domain question plus the template version it belongs to. */
export type StoredQuestion = Question & { readonly templateVersionKey: string };
const storedQuestionSchema = questionSchema.extend({ templateVersionKey: z.string().min(1) });

export const QUESTION_COLUMNS = {
  templateVersionKey: 'TemplateVersionKey',
  key: 'QuestionKey',
  sectionKey: 'SectionKey',
  order: 'SortOrder',
  textEn: 'QuestionEn',
  textCy: 'QuestionCy',
  guidanceEn: 'GuidanceEn',
  guidanceCy: 'GuidanceCy',
  kind: 'AnswerKind',
  required: 'IsRequired',
  allowNotApplicable: 'AllowNotApplicable',
  weight: 'Weight',
} as const satisfies Record<keyof StoredQuestion, string>;

const q = QUESTION_COLUMNS;

/** SharePoint's single line of text holds 255 characters: the Title is the question shortened. */
function shortTitle(text: string): string {
  return text.length <= 255 ? text : `${text.slice(0, 254)}…`;
}

export const questionMapper: ListMapper<StoredQuestion> = {
  list: ASSESSMENT_QUESTIONS,
  columns: q,
  choiceSets: { AnswerKind: 'answerKind' },
  fromItem: (item: SpItem) =>
    mapItem<StoredQuestion>(ASSESSMENT_QUESTIONS, item, storedQuestionSchema, q, (r) => {
      const versionKey = r.text(q.templateVersionKey) ?? '';
      const itemKey = r.text(q.key);
      return {
        templateVersionKey: versionKey,
        key: itemKey === undefined ? undefined : questionKeyOf(itemKey, versionKey),
        sectionKey: r.text(q.sectionKey),
        order: r.number(q.order),
        textEn: r.text(q.textEn),
        textCy: r.text(q.textCy),
        guidanceEn: r.optText(q.guidanceEn),
        guidanceCy: r.optText(q.guidanceCy),
        kind: r.choice(q.kind, 'answerKind'),
        required: r.boolean(q.required, true),
        allowNotApplicable: r.boolean(q.allowNotApplicable, false),
        weight: r.number(q.weight) ?? 1,
      };
    }),
  toItem: (v: StoredQuestion) =>
    new ItemWriter(ASSESSMENT_QUESTIONS)
      .text('Title', shortTitle(v.textEn))
      .text(q.key, questionItemKey(v.templateVersionKey, v.key))
      .text(q.templateVersionKey, v.templateVersionKey)
      .text(q.sectionKey, v.sectionKey)
      .number(q.order, v.order)
      .text(q.textEn, v.textEn)
      .text(q.textCy, v.textCy)
      .text(q.guidanceEn, v.guidanceEn)
      .text(q.guidanceCy, v.guidanceCy)
      .choice(q.kind, 'answerKind', v.kind)
      .boolean(q.required, v.required)
      .boolean(q.allowNotApplicable, v.allowNotApplicable)
      .number(q.weight, v.weight)
      .build(),
  keyOf: (v) => questionItemKey(v.templateVersionKey, v.key),
};

/** Joins a template item and its question items into the domain template (questions in order). */
export function assembleTemplate(
  header: Mapped<TemplateHeader>,
  questions: readonly Mapped<StoredQuestion>[],
): Mapped<AssessmentTemplate> {
  if (!header.ok) return header;
  const list: Question[] = [];
  for (const m of questions) {
    if (!m.ok) return m;
    const { templateVersionKey: _tvk, ...question } = unstored(m.value);
    list.push(question);
  }
  list.sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  const parsed = templateSchema.safeParse({ ...unstored(header.value), questions: list });
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid', field: 'questions', itemId: header.value.id, detail: parsed.error.message },
    };
  }
  return { ok: true, value: { ...parsed.data, id: header.value.id, etag: header.value.etag } };
}
