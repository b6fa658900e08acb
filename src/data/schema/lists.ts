import { collaborationColumns } from './catalogue';
import { CHOICES } from './choices';
import type { FieldDef, ListDef, ListKey } from './types';
import { listPermissions } from './permissions';

/**
 * The register's SharePoint lists. Every column the app filters or sorts on
 * is indexed (the list view threshold), and every list the app creates items
 * in has a client-made unique key so a retried create is recognised.
 */
const title = (display: string, maxLength = 255): FieldDef => ({
  internalName: 'Title',
  title: display,
  type: 'Text',
  required: true,
  maxLength,
});

const key = (internalName: string, display: string): FieldDef => ({
  internalName,
  title: display,
  type: 'Text',
  required: true,
  unique: true,
  indexed: true,
  maxLength: 255,
});

const text = (internalName: string, display: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  internalName,
  title: display,
  type: 'Text',
  maxLength: 255,
  ...extra,
});

const note = (internalName: string, display: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  internalName,
  title: display,
  type: 'Note',
  richText: false,
  ...extra,
});

const date = (internalName: string, display: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  internalName,
  title: display,
  type: 'DateTime',
  dateOnly: true,
  ...extra,
});

const choice = (
  internalName: string,
  display: string,
  set: keyof typeof CHOICES,
  extra: Partial<FieldDef> = {},
): FieldDef => ({ internalName, title: display, type: 'Choice', choices: CHOICES[set], ...extra });

const lookup = (
  internalName: string,
  display: string,
  lookupList: ListKey,
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  internalName,
  title: display,
  type: 'Lookup',
  lookupList,
  lookupField: 'Title',
  indexed: true,
  ...extra,
});

export const PARTNERS: ListDef = {
  key: 'partners',
  title: 'Partner Organisations',
  url: 'PartnerOrganisations',
  description: 'Organisations the council works with in collaborations and partnerships.',
  keyField: 'PartnerKey',
  versioning: true,
  permissions: listPermissions('partners'),
  fields: [
    title('Name'),
    key('PartnerKey', 'Partner key'),
    text('NameCy', 'Name (Welsh)'),
    choice('Sector', 'Sector', 'sector', { indexed: true }),
    text('Website', 'Website'),
  ],
  views: [
    {
      title: 'All partners',
      default: true,
      fields: ['LinkTitle', 'NameCy', 'Sector'],
      query: '<OrderBy><FieldRef Name="Title"/></OrderBy>',
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const COLLABORATIONS: ListDef = {
  key: 'collaborations',
  title: 'Collaborations',
  url: 'Collaborations',
  description: 'The register of collaborations and formal partnerships.',
  keyField: 'Reference',
  versioning: true,
  permissions: listPermissions('collaborations'),
  fields: collaborationColumns(),

  views: [
    {
      title: 'All collaborations',
      default: true,
      fields: [
        'Reference',
        'LinkTitle',
        'Model',
        'Status',
        'Directorate',
        'LeadOfficer',
        'NextReviewDue',
        'Significance',
        'LastAssessmentRag',
      ],
      query: '<OrderBy><FieldRef Name="Reference"/></OrderBy>',
      rowLimit: 100,
      paged: true,
    },
    {
      title: 'Reviews due',
      fields: ['Reference', 'LinkTitle', 'Status', 'Directorate', 'NextReviewDue'],
      query:
        '<Where><IsNotNull><FieldRef Name="NextReviewDue"/></IsNotNull></Where><OrderBy><FieldRef Name="NextReviewDue"/></OrderBy>',
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const ASSESSMENT_TEMPLATES: ListDef = {
  key: 'assessmentTemplates',
  title: 'Assessment Templates',
  url: 'AssessmentTemplates',
  description: 'Versioned assessment templates; publishing a change makes a new version.',
  keyField: 'TemplateVersionKey',
  versioning: true,
  permissions: listPermissions('assessmentTemplates'),
  fields: [
    title('Name'),
    key('TemplateVersionKey', 'Template version key'),
    text('TemplateKey', 'Template key', { required: true, indexed: true }),
    text('TitleCy', 'Name (Welsh)'),
    { internalName: 'TemplateVersion', title: 'Version', type: 'Number', required: true, min: 1, indexed: true },
    choice('TemplateStatus', 'Template status', 'templateStatus', {
      required: true,
      indexed: true,
      defaultValue: 'Draft',
    }),
    note('DescriptionEn', 'Description'),
    note('DescriptionCy', 'Description (Welsh)'),
    text('Source', 'Source document'),
    note('SectionsJson', 'Sections'),
    note('ThresholdsJson', 'RAG thresholds'),
  ],
  views: [
    {
      title: 'All templates',
      default: true,
      fields: ['LinkTitle', 'TemplateKey', 'TemplateVersion', 'TemplateStatus'],
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const ASSESSMENT_QUESTIONS: ListDef = {
  key: 'assessmentQuestions',
  title: 'Assessment Questions',
  url: 'AssessmentQuestions',
  description: 'The questions of each template version.',
  keyField: 'QuestionKey',
  versioning: true,
  permissions: listPermissions('assessmentQuestions'),
  fields: [
    title('Question', 255),
    key('QuestionKey', 'Question key'),
    text('TemplateVersionKey', 'Template version key', { required: true, indexed: true }),
    text('SectionKey', 'Section key', { required: true }),
    { internalName: 'SortOrder', title: 'Order', type: 'Number', required: true, min: 0 },
    note('QuestionEn', 'Question text', { required: true }),
    note('QuestionCy', 'Question text (Welsh)', { required: true }),
    note('GuidanceEn', 'Guidance'),
    note('GuidanceCy', 'Guidance (Welsh)'),
    choice('AnswerKind', 'Answer kind', 'answerKind', { required: true }),
    { internalName: 'IsRequired', title: 'Required', type: 'Boolean', defaultValue: '1' },
    { internalName: 'AllowNotApplicable', title: 'Not applicable allowed', type: 'Boolean', defaultValue: '0' },
    { internalName: 'Weight', title: 'Weight', type: 'Number', min: 0, defaultValue: '1' },
  ],
  views: [
    {
      title: 'All questions',
      default: true,
      fields: ['LinkTitle', 'TemplateVersionKey', 'SectionKey', 'SortOrder', 'AnswerKind'],
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const ASSESSMENTS: ListDef = {
  key: 'assessments',
  title: 'Assessments',
  url: 'Assessments',
  description: 'Assessments of collaborations against a template version.',
  keyField: 'AssessmentKey',
  versioning: true,
  permissions: listPermissions('assessments'),
  fields: [
    title('Title'),
    key('AssessmentKey', 'Assessment key'),
    lookup('Collaboration', 'Collaboration', 'collaborations', { required: true }),
    text('TemplateVersionKey', 'Template version key', { required: true, indexed: true }),
    { internalName: 'TemplateVersion', title: 'Template version', type: 'Number', required: true, min: 1 },
    choice('AssessmentStatus', 'Assessment status', 'assessmentStatus', {
      required: true,
      indexed: true,
      defaultValue: 'Draft',
    }),
    note('AnswersJson', 'Answers'),
    { internalName: 'Score', title: 'Score', type: 'Number', min: 0, max: 100 },
    choice('OverallRag', 'Overall RAG', 'rag'),
    date('DueDate', 'Due date', { indexed: true }),
    { internalName: 'SubmittedBy', title: 'Submitted by', type: 'User' },
    { internalName: 'SubmittedOn', title: 'Submitted on', type: 'DateTime', indexed: true },
    choice('AssuranceLevel', 'Assurance level', 'assurance'),
    note('AssuranceReason', 'Reason for the assurance level'),
    { internalName: 'AssuranceGivenBy', title: 'Assurance given by', type: 'User' },
    date('AssuranceGivenOn', 'Assurance given on'),
  ],
  views: [
    {
      title: 'All assessments',
      default: true,
      fields: ['LinkTitle', 'Collaboration', 'AssessmentStatus', 'Score', 'OverallRag', 'SubmittedOn'],
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const REVIEWS: ListDef = {
  key: 'reviews',
  title: 'Reviews',
  url: 'Reviews',
  description: 'Reviews of collaborations by Heads of Service and the review panel, with their outcomes.',
  keyField: 'ReviewKey',
  versioning: true,
  permissions: listPermissions('reviews'),
  fields: [
    title('Title'),
    key('ReviewKey', 'Review key'),
    lookup('Collaboration', 'Collaboration', 'collaborations', { required: true }),
    choice('ReviewKind', 'Review kind', 'reviewKind', { required: true, indexed: true }),
    date('DueDate', 'Due date', { required: true, indexed: true }),
    date('HeldOn', 'Held on', { indexed: true }),
    text('Panel', 'Panel', { indexed: true }),
    { internalName: 'Attendees', title: 'Attendees', type: 'UserMulti' },
    lookup('Assessment', 'Assessment considered', 'assessments', { indexed: false }),
    choice('Outcome', 'Outcome', 'outcome', { indexed: true }),
    note('DecisionNote', 'Decision note'),
    { internalName: 'ConversationUrl', title: 'Channel conversation', type: 'URL' },
    note('SnapshotJson', 'What the panel saw'),
    note('DecisionJson', 'What follows from the decision'),
    date('AppliedOn', 'Decision applied on', { indexed: true }),
    choice('AssuranceLevel', 'Assurance level', 'assurance'),
    note('AssuranceReason', 'Reason for the assurance level'),
  ],
  views: [
    {
      title: 'All reviews',
      default: true,
      fields: ['LinkTitle', 'Collaboration', 'ReviewKind', 'DueDate', 'Outcome'],
      query: '<OrderBy><FieldRef Name="DueDate"/></OrderBy>',
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const ACTIONS: ListDef = {
  key: 'actions',
  title: 'Actions',
  url: 'Actions',
  description: 'Actions of collaboration, review and programme action plans.',
  keyField: 'ActionKey',
  versioning: true,
  permissions: listPermissions('actions'),
  fields: [
    title('Action'),
    key('ActionKey', 'Action key'),
    choice('ActionScope', 'Belongs to', 'actionScope', {
      required: true,
      indexed: true,
      defaultValue: 'Collaboration',
    }),
    lookup('Collaboration', 'Collaboration', 'collaborations'),
    lookup('Review', 'Review', 'reviews'),
    { internalName: 'Owner', title: 'Owner', type: 'User', indexed: true },
    date('StartDate', 'Start date'),
    date('DueDate', 'Due date', { indexed: true }),
    { internalName: 'Progress', title: 'Progress (%)', type: 'Number', min: 0, max: 100, defaultValue: '0' },
    date('CompletedOn', 'Completed on', { indexed: true }),
    note('ProgressNote', 'Progress note'),
  ],
  views: [
    {
      title: 'All actions',
      default: true,
      fields: ['LinkTitle', 'Collaboration', 'Owner', 'StartDate', 'DueDate', 'Progress'],
      query: '<OrderBy><FieldRef Name="DueDate"/></OrderBy>',
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const CHANNEL_MAPPINGS: ListDef = {
  key: 'channelMappings',
  title: 'Channel Mappings',
  url: 'ChannelMappings',
  description: 'Which Teams channel hears about each directorate and panel. Holds no secrets.',
  keyField: 'MappingKey',
  versioning: true,
  permissions: listPermissions('channelMappings'),
  fields: [
    title('Directorate or panel'),
    text('TitleCy', 'Welsh name'),
    key('MappingKey', 'Mapping key'),
    choice('MappingKind', 'Kind', 'mappingKind', { required: true, indexed: true }),
    text('ChannelKey', 'Channel key', { required: true, indexed: true }),
    text('ChannelName', 'Channel name', { required: true }),
    text('TeamId', 'Team id'),
    text('ChannelId', 'Channel id'),
    choice('Language', 'Language', 'language', { required: true, defaultValue: 'English and Welsh' }),
  ],
  views: [
    {
      title: 'All mappings',
      default: true,
      fields: ['LinkTitle', 'MappingKind', 'ChannelName', 'Language'],
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const REMINDER_CHANNELS: ListDef = {
  key: 'reminderChannels',
  title: 'Reminder Channel Settings',
  url: 'ReminderChannelSettings',
  description:
    'How the reminder job posts to each channel. Readable by the governance team only. Webhook addresses are never stored here: only the name of the setting that holds one.',
  keyField: 'ChannelKey',
  versioning: true,
  permissions: listPermissions('reminderChannels'),
  fields: [
    title('Channel'),
    key('ChannelKey', 'Channel key'),
    choice('Transport', 'Transport', 'transport', { required: true, defaultValue: 'Dev inbox' }),
    text('SecretName', 'Secret setting name', {
      description:
        'Name of the environment variable or Key Vault secret that holds the webhook address; never the address itself.',
    }),
    { internalName: 'Enabled', title: 'Enabled', type: 'Boolean', defaultValue: '1' },
  ],
  views: [
    {
      title: 'All channels',
      default: true,
      fields: ['LinkTitle', 'Transport', 'SecretName', 'Enabled'],
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const REMINDER_LOG: ListDef = {
  key: 'reminderLog',
  title: 'Reminder Log',
  url: 'ReminderLog',
  description: 'Every reminder the job has posted, by its unique key, so none is posted twice.',
  keyField: 'ReminderKey',
  versioning: false,
  permissions: listPermissions('reminderLog'),
  fields: [
    title('Reminder'),
    key('ReminderKey', 'Reminder key'),
    choice('ReminderKind', 'Kind', 'reminderKind', { required: true, indexed: true }),
    text('ItemRef', 'Item', { required: true, indexed: true }),
    date('DueDate', 'Due date', { required: true, indexed: true }),
    text('ChannelKey', 'Channel', { required: true, indexed: true }),
    choice('ReminderState', 'State', 'reminderState', { required: true, indexed: true, defaultValue: 'Pending' }),
    { internalName: 'PostedOn', title: 'Posted on', type: 'DateTime', indexed: true },
    text('RunDate', 'Run date', { indexed: true }),
    text('MessageId', 'Message id'),
  ],
  views: [
    {
      title: 'All reminders',
      default: true,
      fields: ['LinkTitle', 'ReminderKind', 'ItemRef', 'DueDate', 'ChannelKey', 'ReminderState', 'PostedOn'],
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const REPORT_NARRATIVES: ListDef = {
  key: 'reportNarratives',
  title: 'Report Narratives',
  url: 'ReportNarratives',
  description:
    "The governance team's introduction, key messages and recommendations for each year's governance reports, in English and Welsh. Each text is kept to 10,000 characters by the tab.",
  keyField: 'NarrativeKey',
  versioning: true,
  permissions: listPermissions('reportNarratives'),
  fields: [
    title('Report'),
    key('NarrativeKey', 'Narrative key'),
    note('Introduction', 'Introduction'),
    note('IntroductionCy', 'Introduction (Welsh)'),
    note('KeyMessages', 'Key messages'),
    note('KeyMessagesCy', 'Key messages (Welsh)'),
    note('Recommendations', 'Recommendations'),
    note('RecommendationsCy', 'Recommendations (Welsh)'),
  ],
  views: [
    {
      title: 'All narratives',
      default: true,
      fields: ['LinkTitle', 'NarrativeKey'],
      query: '<OrderBy><FieldRef Name="NarrativeKey" Ascending="FALSE"/></OrderBy>',
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const ASSURANCE_STATEMENTS: ListDef = {
  key: 'assuranceStatements',
  title: 'Assurance Statements',
  url: 'AssuranceStatements',
  description:
    "Each Head of Service's annual confirmation that their directorate's part of the register is complete and correct, or why not yet. One item per directorate and financial year; a comment is kept to 10,000 characters by the tab.",
  keyField: 'StatementKey',
  versioning: true,
  permissions: listPermissions('assuranceStatements'),
  fields: [
    title('Statement'),
    key('StatementKey', 'Statement key'),
    {
      internalName: 'StatementYear',
      title: 'Financial year',
      type: 'Number',
      required: true,
      min: 2000,
      indexed: true,
    },
    text('Directorate', 'Directorate', { required: true, indexed: true }),
    { internalName: 'ConfirmedBy', title: 'Confirmed by', type: 'User', required: true, indexed: true },
    date('ConfirmedOn', 'Confirmed on', { required: true }),
    { internalName: 'IsComplete', title: 'Complete and correct', type: 'Boolean', defaultValue: '0' },
    note('StatementComment', 'Comment'),
  ],
  views: [
    {
      title: 'All statements',
      default: true,
      fields: ['LinkTitle', 'StatementYear', 'Directorate', 'ConfirmedBy', 'ConfirmedOn', 'IsComplete'],
      query: '<OrderBy><FieldRef Name="StatementYear" Ascending="FALSE"/><FieldRef Name="Directorate"/></OrderBy>',
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const RECORD_HISTORY: ListDef = {
  key: 'recordHistory',
  title: 'Record History',
  url: 'RecordHistory',
  description:
    "Every change of a collaboration's status, assurance level and significance tier: from, to, when, by whom and why (the review, the edit, the import, a new policy). The annual report counts each change once, in the year it happened.",
  keyField: 'HistoryKey',
  versioning: true,
  permissions: listPermissions('recordHistory'),
  fields: [
    title('Change'),
    key('HistoryKey', 'History key'),
    lookup('Collaboration', 'Collaboration', 'collaborations', { required: true }),
    choice('HistoryAspect', 'What changed', 'historyAspect', { required: true, indexed: true }),
    text('FromValue', 'From'),
    text('ToValue', 'To', { required: true }),
    date('ChangedOn', 'Changed on', { indexed: true }),
    { internalName: 'ChangedBy', title: 'Changed by', type: 'User' },
    note('ChangeReason', 'Why'),
    choice('ChangeSource', 'Made by', 'historySource', { required: true }),
    text('SourceKey', 'Source'),
  ],
  views: [
    {
      title: 'All changes',
      default: true,
      fields: ['LinkTitle', 'Collaboration', 'HistoryAspect', 'FromValue', 'ToValue', 'ChangedOn', 'ChangedBy'],
      query: '<OrderBy><FieldRef Name="ChangedOn" Ascending="FALSE"/></OrderBy>',
      rowLimit: 100,
      paged: true,
    },
  ],
};

export const GOVERNANCE_POLICIES: ListDef = {
  key: 'governancePolicies',
  title: 'Governance Policies',
  url: 'GovernancePolicies',
  description:
    "The governance team's significance weights and tiers, and how soon a collaboration is reviewed after each assurance level. Each version is kept; the newest is in force.",
  keyField: 'PolicyKey',
  versioning: true,
  permissions: listPermissions('governancePolicies'),
  fields: [
    title('Policy'),
    key('PolicyKey', 'Policy key'),
    { internalName: 'PolicyVersion', title: 'Version', type: 'Number', required: true, min: 1, indexed: true },
    note('PolicyJson', 'Policy'),
    date('PublishedOn', 'Published on'),
    { internalName: 'PublishedBy', title: 'Published by', type: 'User' },
    note('ChangeNote', 'What changed and why'),
  ],
  views: [
    {
      title: 'All versions',
      default: true,
      fields: ['LinkTitle', 'PolicyVersion', 'PublishedOn', 'PublishedBy', 'ChangeNote'],
      query: '<OrderBy><FieldRef Name="PolicyVersion" Ascending="FALSE"/></OrderBy>',
      rowLimit: 100,
      paged: true,
    },
  ],
};

/** Every list, in the order provisioning creates them (lookup targets first). */
export const LISTS: readonly ListDef[] = [
  PARTNERS,
  COLLABORATIONS,
  ASSESSMENT_TEMPLATES,
  ASSESSMENT_QUESTIONS,
  ASSESSMENTS,
  REVIEWS,
  ACTIONS,
  CHANNEL_MAPPINGS,
  REMINDER_CHANNELS,
  REMINDER_LOG,
  REPORT_NARRATIVES,
  ASSURANCE_STATEMENTS,
  RECORD_HISTORY,
  GOVERNANCE_POLICIES,
];

export function listByKey(key: ListKey): ListDef {
  const found = LISTS.find((l) => l.key === key);
  if (!found) throw new RangeError(`No list '${key}'`);
  return found;
}

export function listByTitle(title: string): ListDef | undefined {
  const lower = title.toLowerCase();
  return LISTS.find((l) => l.title.toLowerCase() === lower);
}

/** The SharePoint groups provisioning creates for the roles. */
export const ROLE_GROUPS = {
  officers: 'Collaboration Register Officers',
  panel: 'Collaboration Register Panel',
  governance: 'Collaboration Register Governance',
} as const;
