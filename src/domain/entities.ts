import { z } from 'zod';
import { isIsoDate, type IsoDate } from './dates';
import { personSchema } from './collaboration';
import { ASSURANCE_LEVELS, OUTCOMES, PARTNER_SECTORS, RAGS, REVIEW_KINDS } from './vocabulary';

const isoDate = z.custom<IsoDate>((v) => isIsoDate(v), { message: 'invalidDate' });

/** A partner organisation (seed 002 counts 146 of them). */
export const partnerSchema = z.object({
  id: z.number().int().positive().optional(),
  key: z.string(),
  name: z.string(),
  nameCy: z.string().optional(),
  /** Optional in SharePoint: a partner added there directly may have none. */
  sector: z.enum(PARTNER_SECTORS).optional(),
  /**
   * A Sector word that is none of the choices (typed by hand in SharePoint): kept as it is,
   * so that saving the partner does not lose it, until someone picks a sector.
   */
  otherSector: z.string().optional(),
  website: z.string().optional(),
});
export type Partner = z.infer<typeof partnerSchema>;

/** A review of one collaboration, and its outcome once the panel has decided. */
export const reviewSchema = z.object({
  id: z.number().int().positive().optional(),
  key: z.string(),
  collaborationId: z.number().int().positive(),
  title: z.string(),
  kind: z.enum(REVIEW_KINDS),
  dueDate: isoDate,
  heldOn: isoDate.optional(),
  panel: z.string().optional(),
  attendees: z.array(personSchema),
  assessmentId: z.number().int().positive().optional(),
  outcome: z.enum(OUTCOMES).optional(),
  decisionNote: z.string().optional(),
  conversationUrl: z.string().optional(),
  /** JSON of what the panel saw, frozen when the outcome is recorded. */
  snapshot: z.string().optional(),
  /**
   * JSON of what follows from the decision (the new actions, the next review's date and key,
   * an exit note): written with the outcome in the same update, applied by `applyDecidedReview`.
   */
  decision: z.string().optional(),
  /** When what follows from the decision was applied to the record, the actions and the next review. */
  appliedOn: isoDate.optional(),
  /** The assurance level the panel gave, and why. */
  assuranceLevel: z.enum(ASSURANCE_LEVELS).optional(),
  assuranceReason: z.string().optional(),
});
export type Review = z.infer<typeof reviewSchema>;

export const ACTION_SCOPES = ['collaboration', 'review', 'programme'] as const;
export type ActionScope = (typeof ACTION_SCOPES)[number];

/** An action of an action plan. Its status is derived (see actions.ts), never stored. */
export const actionSchema = z.object({
  id: z.number().int().positive().optional(),
  key: z.string(),
  title: z.string(),
  scope: z.enum(ACTION_SCOPES),
  collaborationId: z.number().int().positive().optional(),
  reviewId: z.number().int().positive().optional(),
  owner: personSchema.optional(),
  startDate: isoDate.optional(),
  dueDate: isoDate.optional(),
  /** 0-100 */
  progress: z.number().min(0).max(100),
  completedOn: isoDate.optional(),
  progressNote: z.string().optional(),
});
export type Action = z.infer<typeof actionSchema>;

export const ANSWER_KINDS = ['rag', 'yesPartialNo', 'score', 'text', 'date', 'evidence'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** A question of a template version; every text in English and Welsh. */
export const questionSchema = z.object({
  key: z.string(),
  sectionKey: z.string(),
  order: z.number(),
  textEn: z.string(),
  textCy: z.string(),
  guidanceEn: z.string().optional(),
  guidanceCy: z.string().optional(),
  kind: z.enum(ANSWER_KINDS),
  required: z.boolean(),
  allowNotApplicable: z.boolean(),
  weight: z.number().min(0),
});
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.object({
  key: z.string(),
  titleEn: z.string(),
  titleCy: z.string(),
});
export type Section = z.infer<typeof sectionSchema>;

/** Score thresholds, percent: at or above `green` is green, at or above `amber` amber, else red. */
export const thresholdsSchema = z.object({ green: z.number(), amber: z.number() });
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const TEMPLATE_STATUSES = ['draft', 'published', 'retired'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const templateSchema = z.object({
  id: z.number().int().positive().optional(),
  key: z.string(),
  version: z.number().int().positive(),
  status: z.enum(TEMPLATE_STATUSES),
  titleEn: z.string(),
  titleCy: z.string(),
  descriptionEn: z.string().optional(),
  descriptionCy: z.string().optional(),
  source: z.string().optional(),
  sections: z.array(sectionSchema),
  questions: z.array(questionSchema),
  thresholds: thresholdsSchema,
});
export type AssessmentTemplate = z.infer<typeof templateSchema>;

/** One answer. `notApplicable` excludes the question from the score. */
export const answerSchema = z.union([
  z.object({ kind: z.literal('rag'), value: z.enum(RAGS) }),
  z.object({ kind: z.literal('yesPartialNo'), value: z.enum(['yes', 'partial', 'no']) }),
  z.object({ kind: z.literal('score'), value: z.number().int() }),
  z.object({ kind: z.literal('text'), value: z.string() }),
  z.object({ kind: z.literal('date'), value: z.string() }),
  z.object({ kind: z.literal('evidence'), value: z.string() }),
  z.object({ kind: z.literal('notApplicable') }),
]);
export type Answer = z.infer<typeof answerSchema>;

export const ASSESSMENT_STATUSES = ['draft', 'submitted'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const assessmentSchema = z.object({
  id: z.number().int().positive().optional(),
  key: z.string(),
  collaborationId: z.number().int().positive(),
  templateKey: z.string(),
  templateVersion: z.number().int().positive(),
  status: z.enum(ASSESSMENT_STATUSES),
  /** Answers by question key. */
  answers: z.record(z.string(), answerSchema),
  score: z.number().optional(),
  overallRag: z.enum(RAGS).optional(),
  dueDate: isoDate.optional(),
  submittedBy: personSchema.optional(),
  submittedOn: z.string().optional(),
  /** The assurance level a governance-arrangements check gave, why, by whom and when (assessmentAssurance.ts). */
  assuranceLevel: z.enum(ASSURANCE_LEVELS).optional(),
  assuranceReason: z.string().optional(),
  assuranceGivenBy: personSchema.optional(),
  assuranceGivenOn: isoDate.optional(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const CHANNEL_LANGUAGES = ['en', 'cy', 'both'] as const;
export type ChannelLanguage = (typeof CHANNEL_LANGUAGES)[number];

/** Which channel hears about a directorate or a panel. */
export const channelMappingSchema = z.object({
  id: z.number().int().positive().optional(),
  key: z.string(),
  /** The directorate or panel name, as on the collaboration record. */
  name: z.string(),
  /** Its Welsh name. */
  nameCy: z.string().optional(),
  kind: z.enum(['directorate', 'panel']),
  channelKey: z.string(),
  channelName: z.string(),
  teamId: z.string().optional(),
  channelId: z.string().optional(),
  language: z.enum(CHANNEL_LANGUAGES),
});
export type ChannelMapping = z.infer<typeof channelMappingSchema>;
