/** Records, reviews and actions for the report tests (each with a fresh id unless given). */
import type { Action, ReportRecord, Review } from '../../../src/domain';

export const TODAY = '2026-03-02';

let nextId = 1;

export function record(overrides: Partial<ReportRecord> = {}): ReportRecord {
  const id = overrides.id ?? nextId++;
  return {
    id,
    reference: `COL-${String(id).padStart(4, '0')}`,
    title: `Collaboration ${id}`,
    kind: 'collaboration',
    model: 'jointCommittee',
    purpose: 'Purpose',
    reasons: [],
    basis: 'statutory',
    footprint: 'gwent',
    leadOrganisation: 'Council',
    councilLeads: false,
    partnerIds: [1],
    directorate: 'Education',
    status: 'active',
    startDate: '2020-04-01',
    reviewFrequency: 'annual',
    serviceRisk: 'low',
    ...overrides,
  };
}

export function review(overrides: Partial<Review> & Pick<Review, 'collaborationId'>): Review {
  return {
    key: `REV-${nextId++}`,
    title: 'Review',
    kind: 'annualReview',
    dueDate: '2025-06-01',
    attendees: [],
    ...overrides,
  };
}

export function action(overrides: Partial<Action> = {}): Action {
  return { key: `ACT-${nextId++}`, title: 'Action', scope: 'collaboration', progress: 0, ...overrides };
}
