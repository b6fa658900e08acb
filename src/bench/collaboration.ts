import type { Collaboration } from '../domain/collaboration';

/** The fields every benchmark collaboration shares: an active, annually reviewed, local joint committee the council leads. */
export const BENCH_COLLABORATION = {
  kind: 'collaboration',
  model: 'jointCommittee',
  reasons: ['valueForMoney'],
  basis: 'localDecision',
  footprint: 'local',
  leadOrganisation: 'Glan-yr-Afon County Borough Council',
  councilLeads: true,
  partnerIds: [],
  status: 'active',
  reviewFrequency: 'annual',
} as const satisfies Partial<Collaboration>;
