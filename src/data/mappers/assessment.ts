import { assessmentSchema, type Assessment } from '../../domain/entities';
import { ASSESSMENTS, templateKeyOf, templateVersionKey } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = ASSESSMENTS;

export const ASSESSMENT_COLUMNS = {
  key: 'AssessmentKey',
  collaborationId: 'Collaboration',
  templateKey: 'TemplateVersionKey',
  templateVersion: 'TemplateVersion',
  status: 'AssessmentStatus',
  answers: 'AnswersJson',
  score: 'Score',
  overallRag: 'OverallRag',
  dueDate: 'DueDate',
  submittedBy: 'SubmittedBy',
  submittedOn: 'SubmittedOn',
  assuranceLevel: 'AssuranceLevel',
  assuranceReason: 'AssuranceReason',
  assuranceGivenBy: 'AssuranceGivenBy',
  assuranceGivenOn: 'AssuranceGivenOn',
} as const satisfies Record<Exclude<keyof Assessment, 'id'>, string>;

const c = ASSESSMENT_COLUMNS;

export const assessmentMapper: ListMapper<Assessment> = {
  list,
  columns: c,
  choiceSets: { AssessmentStatus: 'assessmentStatus', OverallRag: 'rag', AssuranceLevel: 'assurance' },
  fromItem: (item: SpItem) =>
    mapItem<Assessment>(list, item, assessmentSchema, c, (r) => {
      const version = r.number(c.templateVersion);
      const versionKey = r.text(c.templateKey);
      return {
        key: r.text(c.key),
        collaborationId: r.lookupId(c.collaborationId),
        templateKey:
          versionKey !== undefined && version !== undefined ? templateKeyOf(versionKey, version) : versionKey,
        templateVersion: version,
        status: r.choice(c.status, 'assessmentStatus'),
        answers: r.json(c.answers) ?? {},
        score: r.number(c.score),
        overallRag: r.choice(c.overallRag, 'rag'),
        dueDate: r.date(c.dueDate),
        submittedBy: r.person(c.submittedBy),
        submittedOn: r.dateTime(c.submittedOn),
        assuranceLevel: r.choice(c.assuranceLevel, 'assurance'),
        assuranceReason: r.text(c.assuranceReason),
        assuranceGivenBy: r.person(c.assuranceGivenBy),
        assuranceGivenOn: r.date(c.assuranceGivenOn),
      };
    }),
  toItem: (v: Assessment) =>
    new ItemWriter(list)
      // An assessment has no name of its own; its key identifies it in SharePoint.
      .text('Title', v.key)
      .text(c.key, v.key)
      .lookup(c.collaborationId, v.collaborationId)
      .text(c.templateKey, templateVersionKey(v.templateKey, v.templateVersion))
      .number(c.templateVersion, v.templateVersion)
      .choice(c.status, 'assessmentStatus', v.status)
      .json(c.answers, v.answers)
      .number(c.score, v.score)
      .choice(c.overallRag, 'rag', v.overallRag)
      .date(c.dueDate, v.dueDate)
      .person(c.submittedBy, v.submittedBy)
      .dateTime(c.submittedOn, v.submittedOn)
      .choice(c.assuranceLevel, 'assurance', v.assuranceLevel)
      .text(c.assuranceReason, v.assuranceReason)
      .person(c.assuranceGivenBy, v.assuranceGivenBy)
      .date(c.assuranceGivenOn, v.assuranceGivenOn)
      .build(),
  keyOf: (v) => v.key,
};
