/**
 * The register's vocabulary, from the seeds (DESIGN.md "Domain vocabulary").
 * Each list is the single definition of its codes: the zod schemas, the
 * SharePoint choice columns (through src/data/schema) and the message
 * catalogues (`<vocabulary>.<code>`) all read these arrays.
 */

/** Seed 002 distinguishes formal partnerships from collaborations. */
export const KINDS = ['formalPartnership', 'collaboration'] as const;
export type Kind = (typeof KINDS)[number];

/** The WLGA's six models of partnership working (seed 002, WLGA legal guidance). */
export const MODELS = [
  'delegationOfFunctions',
  'jointCommittee',
  'informalArrangement',
  'sharedAppointment',
  'contractualArrangement',
  'corporateVehicle',
] as const;
export type Model = (typeof MODELS)[number];

/** The life cycle of a collaboration. */
export const STATUSES = ['proposed', 'active', 'underReview', 'reforming', 'withdrawing', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** Why the arrangement exists (seed 002: statutory, good practice, WG collaboration funding) plus a local decision. */
export const BASES = ['statutory', 'goodPractice', 'welshGovernmentFunding', 'localDecision'] as const;
export type Basis = (typeof BASES)[number];

/** Where it operates; seed 002 names Gwent-wide, South Wales and South East Wales footprints. */
export const FOOTPRINTS = [
  'local',
  'gwent',
  'southEastWales',
  'southWales',
  'regional',
  'allWales',
  'national',
] as const;
export type Footprint = (typeof FOOTPRINTS)[number];

/** The Audit Commission's five reasons to partner, and the two seed 002 adds. */
export const REASONS = [
  'coordinatedServices',
  'wickedIssues',
  'reduceFragmentation',
  'accessResources',
  'statutoryRequirement',
  'addValue',
  'valueForMoney',
] as const;
export type Reason = (typeof REASONS)[number];

export const REVIEW_FREQUENCIES = ['quarterly', 'sixMonthly', 'annual', 'fixedDate'] as const;
export type ReviewFrequency = (typeof REVIEW_FREQUENCIES)[number];

/** Outcomes of a review (seed 000: continue, review, reform or withdraw). */
export const OUTCOMES = ['continue', 'continueWithActions', 'reform', 'withdraw'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REVIEW_KINDS = ['quarterlyListReview', 'governanceCheck', 'annualReview'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SIGNIFICANCE_TIERS = ['low', 'medium', 'high'] as const;
export type SignificanceTier = (typeof SIGNIFICANCE_TIERS)[number];

/**
 * How far the governance arrangements of a collaboration can be relied on, in the four
 * levels of Annual Governance Statements and internal audit opinions: substantial,
 * reasonable, limited, no assurance. A panel review or a governance check gives one.
 */
export const ASSURANCE_LEVELS = ['substantial', 'reasonable', 'limited', 'none'] as const;
export type AssuranceLevel = (typeof ASSURANCE_LEVELS)[number];

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

export const ACTION_STATUSES = ['notStarted', 'onTrack', 'atRisk', 'overdue', 'complete'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const PARTNER_SECTORS = [
  'localAuthority',
  'health',
  'police',
  'fireAndRescue',
  'education',
  'voluntary',
  'private',
  'welshGovernment',
  'other',
] as const;
export type PartnerSector = (typeof PARTNER_SECTORS)[number];
