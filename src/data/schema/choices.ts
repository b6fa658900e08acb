import {
  ACTION_STATUSES,
  ASSURANCE_LEVELS,
  BASES,
  FOOTPRINTS,
  KINDS,
  MODELS,
  OUTCOMES,
  PARTNER_SECTORS,
  RAGS,
  REASONS,
  REVIEW_FREQUENCIES,
  REVIEW_KINDS,
  RISK_LEVELS,
  SIGNIFICANCE_TIERS,
  STATUSES,
} from '../../domain/vocabulary';
import { REMINDER_KINDS } from '../../domain/reminders';
import { HISTORY_ASPECTS, HISTORY_SOURCES } from '../../domain/history';
import type { ChoiceDef } from './types';

/**
 * The plain words each domain code is stored as in a SharePoint choice
 * column. The governance team reads and filters these in SharePoint, so they
 * are English words, not codes; the tab shows the catalogue's translation.
 */
function choices<C extends string>(codes: readonly C[], words: Readonly<Record<C, string>>): readonly ChoiceDef[] {
  return codes.map((code) => ({ code, value: words[code] }));
}

export const CHOICES = {
  historyAspect: choices(HISTORY_ASPECTS, {
    status: 'Status',
    assurance: 'Assurance level',
    significance: 'Significance',
  }),
  historySource: choices(HISTORY_SOURCES, {
    review: 'Review',
    edit: 'Edit',
    created: 'Created',
    import: 'Import',
    policy: 'Significance policy',
    versionHistory: 'Version history',
    dated: 'Dated by the governance team',
    assessment: 'Governance arrangements check',
  }),
  kind: choices(KINDS, { formalPartnership: 'Formal partnership', collaboration: 'Collaboration' }),
  model: choices(MODELS, {
    delegationOfFunctions: 'Delegation of functions',
    jointCommittee: 'Joint committee',
    informalArrangement: 'Informal arrangement',
    sharedAppointment: 'Shared appointment or secondment',
    contractualArrangement: 'Contractual arrangement',
    corporateVehicle: 'Corporate vehicle or joint venture',
  }),
  assurance: choices(ASSURANCE_LEVELS, {
    substantial: 'Substantial',
    reasonable: 'Reasonable',
    limited: 'Limited',
    none: 'No assurance',
  }),
  status: choices(STATUSES, {
    proposed: 'Proposed',
    active: 'Active',
    underReview: 'Under review',
    reforming: 'Reforming',
    withdrawing: 'Withdrawing',
    closed: 'Closed',
  }),
  basis: choices(BASES, {
    statutory: 'Statutory',
    goodPractice: 'Good practice',
    welshGovernmentFunding: 'Welsh Government funding',
    localDecision: 'Local decision',
  }),
  footprint: choices(FOOTPRINTS, {
    local: 'Local',
    gwent: 'Gwent-wide',
    southEastWales: 'South East Wales',
    southWales: 'South Wales',
    regional: 'Regional',
    allWales: 'All-Wales',
    national: 'UK-wide',
  }),
  reason: choices(REASONS, {
    coordinatedServices: 'Co-ordinated services',
    wickedIssues: 'Wicked issues',
    reduceFragmentation: 'Reduce fragmentation',
    accessResources: 'Access to new resources',
    statutoryRequirement: 'Statutory requirement',
    addValue: 'Add value',
    valueForMoney: 'Value for money',
  }),
  reviewFrequency: choices(REVIEW_FREQUENCIES, {
    quarterly: 'Quarterly',
    sixMonthly: 'Six-monthly',
    annual: 'Annual',
    fixedDate: 'Fixed date',
  }),
  risk: choices(RISK_LEVELS, { low: 'Low', medium: 'Medium', high: 'High' }),
  significance: choices(SIGNIFICANCE_TIERS, { low: 'Low', medium: 'Medium', high: 'High' }),
  rag: choices(RAGS, { red: 'Red', amber: 'Amber', green: 'Green' }),
  outcome: choices(OUTCOMES, {
    continue: 'Continue',
    continueWithActions: 'Continue with actions',
    reform: 'Reform',
    withdraw: 'Withdraw',
  }),
  reviewKind: choices(REVIEW_KINDS, {
    quarterlyListReview: 'Quarterly list review',
    governanceCheck: 'Governance arrangements check',
    annualReview: 'Annual review',
  }),
  actionStatus: choices(ACTION_STATUSES, {
    notStarted: 'Not started',
    onTrack: 'On track',
    atRisk: 'At risk',
    overdue: 'Overdue',
    complete: 'Complete',
  }),
  sector: choices(PARTNER_SECTORS, {
    localAuthority: 'Local authority',
    health: 'Health',
    police: 'Police',
    fireAndRescue: 'Fire and rescue',
    education: 'Education',
    voluntary: 'Voluntary sector',
    private: 'Private sector',
    welshGovernment: 'Welsh Government',
    other: 'Other',
  }),
  templateStatus: choices(['draft', 'published', 'retired'] as const, {
    draft: 'Draft',
    published: 'Published',
    retired: 'Retired',
  }),
  answerKind: choices(['rag', 'yesPartialNo', 'score', 'text', 'date', 'evidence'] as const, {
    rag: 'Red amber green',
    yesPartialNo: 'Yes partial no',
    score: 'Score 1 to 5',
    text: 'Text',
    date: 'Date',
    evidence: 'Evidence link',
  }),
  assessmentStatus: choices(['draft', 'submitted'] as const, { draft: 'Draft', submitted: 'Submitted' }),
  actionScope: choices(['collaboration', 'review', 'programme'] as const, {
    collaboration: 'Collaboration',
    review: 'Review',
    programme: 'Programme',
  }),
  mappingKind: choices(['directorate', 'panel'] as const, { directorate: 'Directorate', panel: 'Panel' }),
  transport: choices(['workflows', 'graph', 'devInbox'] as const, {
    workflows: 'Workflows webhook',
    graph: 'Microsoft Graph',
    devInbox: 'Dev inbox',
  }),
  language: choices(['en', 'cy', 'both'] as const, { en: 'English', cy: 'Welsh', both: 'English and Welsh' }),
  reminderState: choices(['pending', 'posted', 'failed'] as const, {
    pending: 'Pending',
    posted: 'Posted',
    failed: 'Failed',
  }),
  reminderKind: choices(REMINDER_KINDS, {
    reviewDueSoon: 'Review due soon',
    reviewDueToday: 'Review due today',
    reviewOverdue: 'Review overdue',
    actionDueSoon: 'Action due soon',
    actionDueToday: 'Action due today',
    actionOverdue: 'Action overdue',
    assessmentDueSoon: 'Assessment due soon',
    assessmentDueToday: 'Assessment due today',
    assessmentNotSubmitted: 'Assessment not submitted',
    statementRequested: 'Assurance statement requested',
    statementDueSoon: 'Assurance statement due soon',
    statementOverdue: 'Assurance statement overdue',
  }),
} as const;

export type ChoiceSet = keyof typeof CHOICES;

/** The SharePoint word for a domain code. */
export function choiceValue(set: ChoiceSet, code: string): string {
  const found = CHOICES[set].find((c) => c.code === code);
  if (!found) throw new RangeError(`No ${set} choice for code '${code}'`);
  return found.value;
}

/** The domain code for a SharePoint word, or undefined when the word is not one of the set's. */
export function choiceCode(set: ChoiceSet, value: string): string | undefined {
  return CHOICES[set].find((c) => c.value === value)?.code;
}
