import { collaborationSchema, type Collaboration } from '../../domain/collaboration';
import { isInScope } from '../../domain/scope';
import { COLLABORATIONS } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = COLLABORATIONS;

/** Domain field -> internal column name of the Collaborations list. */
export const COLLABORATION_COLUMNS = {
  reference: 'Reference',
  title: 'Title',
  titleCy: 'TitleCy',
  kind: 'Kind',
  model: 'Model',
  purpose: 'Purpose',
  outcomes: 'Outcomes',
  reasons: 'Reasons',
  basis: 'Basis',
  footprint: 'Footprint',
  leadOrganisation: 'LeadOrganisation',
  councilLeads: 'CouncilLeads',
  partnerIds: 'Partners',
  serviceArea: 'ServiceArea',
  directorate: 'Directorate',
  leadOfficer: 'LeadOfficer',
  headOfService: 'HeadOfService',
  status: 'Status',
  startDate: 'StartDate',
  endDate: 'EndDate',
  reviewFrequency: 'ReviewFrequency',
  lastReviewDate: 'LastReviewDate',
  nextReviewDue: 'NextReviewDue',
  annualCost: 'AnnualCost',
  councilContribution: 'CouncilContribution',
  serviceRisk: 'ServiceRisk',
  significance: 'Significance',
  scrutiny: 'Scrutiny',
  disputeResolution: 'DisputeResolution',
  exitStrategy: 'ExitStrategy',
  exitNote: 'ExitNote',
  panel: 'Panel',
  lastAssessmentRag: 'LastAssessmentRag',
  lastAssessmentScore: 'LastAssessmentScore',
  importKey: 'ImportKey',
} as const satisfies Record<Exclude<keyof Collaboration, 'id'>, string>;

const c = COLLABORATION_COLUMNS;

export const collaborationMapper: ListMapper<Collaboration> = {
  list,
  columns: c,
  choiceSets: {
    Kind: 'kind',
    Model: 'model',
    Reasons: 'reason',
    Basis: 'basis',
    Footprint: 'footprint',
    Status: 'status',
    ReviewFrequency: 'reviewFrequency',
    ServiceRisk: 'risk',
    Significance: 'significance',
    LastAssessmentRag: 'rag',
  },
  fromItem: (item: SpItem) =>
    mapItem<Collaboration>(list, item, collaborationSchema, c, (r) => ({
      reference: r.text(c.reference),
      title: r.text(c.title),
      titleCy: r.optText(c.titleCy),
      kind: r.choice(c.kind, 'kind'),
      model: r.choice(c.model, 'model'),
      purpose: r.text(c.purpose) ?? '',
      outcomes: r.optText(c.outcomes),
      reasons: r.multiChoice(c.reasons, 'reason'),
      basis: r.choice(c.basis, 'basis'),
      footprint: r.choice(c.footprint, 'footprint'),
      leadOrganisation: r.text(c.leadOrganisation),
      councilLeads: r.boolean(c.councilLeads),
      partnerIds: r.lookupIds(c.partnerIds),
      serviceArea: r.optText(c.serviceArea),
      directorate: r.text(c.directorate),
      leadOfficer: r.person(c.leadOfficer),
      headOfService: r.person(c.headOfService),
      status: r.choice(c.status, 'status'),
      startDate: r.date(c.startDate),
      endDate: r.date(c.endDate),
      reviewFrequency: r.choice(c.reviewFrequency, 'reviewFrequency'),
      lastReviewDate: r.date(c.lastReviewDate),
      nextReviewDue: r.date(c.nextReviewDue),
      annualCost: r.number(c.annualCost),
      councilContribution: r.number(c.councilContribution),
      serviceRisk: r.choice(c.serviceRisk, 'risk'),
      significance: r.choice(c.significance, 'significance'),
      scrutiny: r.optText(c.scrutiny),
      disputeResolution: r.optText(c.disputeResolution),
      exitStrategy: r.optText(c.exitStrategy),
      exitNote: r.optText(c.exitNote),
      panel: r.optText(c.panel),
      lastAssessmentRag: r.choice(c.lastAssessmentRag, 'rag'),
      lastAssessmentScore: r.number(c.lastAssessmentScore),
      importKey: r.optText(c.importKey),
    })),
  toItem: (v: Collaboration) =>
    new ItemWriter(list)
      .text(c.reference, v.reference)
      .text(c.title, v.title)
      .text(c.titleCy, v.titleCy)
      .choice(c.kind, 'kind', v.kind)
      .choice(c.model, 'model', v.model)
      // Derived, stored so the governance team can filter on it in SharePoint.
      .boolean('InScope', isInScope(v.model))
      .text(c.purpose, v.purpose)
      .text(c.outcomes, v.outcomes)
      .multiChoice(c.reasons, 'reason', v.reasons)
      .choice(c.basis, 'basis', v.basis)
      .choice(c.footprint, 'footprint', v.footprint)
      .text(c.leadOrganisation, v.leadOrganisation)
      .boolean(c.councilLeads, v.councilLeads)
      .lookups(c.partnerIds, v.partnerIds)
      .text(c.serviceArea, v.serviceArea)
      .text(c.directorate, v.directorate)
      .person(c.leadOfficer, v.leadOfficer)
      .person(c.headOfService, v.headOfService)
      .choice(c.status, 'status', v.status)
      .date(c.startDate, v.startDate)
      .date(c.endDate, v.endDate)
      .choice(c.reviewFrequency, 'reviewFrequency', v.reviewFrequency)
      .date(c.lastReviewDate, v.lastReviewDate)
      .date(c.nextReviewDue, v.nextReviewDue)
      .number(c.annualCost, v.annualCost)
      .number(c.councilContribution, v.councilContribution)
      .choice(c.serviceRisk, 'risk', v.serviceRisk)
      .choice(c.significance, 'significance', v.significance)
      .text(c.scrutiny, v.scrutiny)
      .text(c.disputeResolution, v.disputeResolution)
      .text(c.exitStrategy, v.exitStrategy)
      .text(c.exitNote, v.exitNote)
      .text(c.panel, v.panel)
      .choice(c.lastAssessmentRag, 'rag', v.lastAssessmentRag)
      .number(c.lastAssessmentScore, v.lastAssessmentScore)
      .text(c.importKey, v.importKey)
      .build(),
  keyOf: (v) => v.reference,
};
