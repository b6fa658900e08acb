import type { Collaboration } from '../../../src/domain/collaboration';
import type { Action } from '../../../src/domain/entities';

/** A valid collaboration; callers override what the test is about. */
export function collaboration(reference: string, extra: Partial<Collaboration> = {}): Collaboration {
  return {
    reference,
    title: `Test collaboration ${reference}`,
    kind: 'collaboration',
    model: 'jointCommittee',
    purpose: 'A shared service tested end to end.',
    reasons: ['valueForMoney'],
    basis: 'localDecision',
    footprint: 'local',
    leadOrganisation: 'Glan-yr-Afon County Borough Council',
    councilLeads: true,
    partnerIds: [],
    directorate: 'Corporate Services',
    status: 'active',
    reviewFrequency: 'annual',
    nextReviewDue: '2026-06-15',
    serviceRisk: 'medium',
    ...extra,
  };
}

export function action(key: string, extra: Partial<Action> = {}): Action {
  return { key, title: `Action ${key}`, scope: 'programme', dueDate: '2026-09-30', progress: 0, ...extra };
}
