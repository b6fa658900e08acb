import type { Model } from './vocabulary';

/**
 * Which WLGA models the protocol covers (seed 002, "Defining partnerships and
 * collaborations"): delegation of functions and joint committees are in scope;
 * the other four are recorded but flagged, with the protocol's reason.
 */
export type ScopeReason =
  | 'delegationInScope'
  | 'jointCommitteeInScope'
  | 'informalNotCovered'
  | 'secondmentNotCovered'
  | 'contractNotCovered'
  | 'corporateVehicleNotCovered';

export interface Scope {
  readonly inScope: boolean;
  /** Catalogue key `scope.<reason>` explains the decision to a person. */
  readonly reason: ScopeReason;
}

const SCOPE: Readonly<Record<Model, Scope>> = {
  delegationOfFunctions: { inScope: true, reason: 'delegationInScope' },
  jointCommittee: { inScope: true, reason: 'jointCommitteeInScope' },
  informalArrangement: { inScope: false, reason: 'informalNotCovered' },
  sharedAppointment: { inScope: false, reason: 'secondmentNotCovered' },
  contractualArrangement: { inScope: false, reason: 'contractNotCovered' },
  corporateVehicle: { inScope: false, reason: 'corporateVehicleNotCovered' },
};

export function scopeOf(model: Model): Scope {
  return SCOPE[model];
}

export function isInScope(model: Model): boolean {
  return SCOPE[model].inScope;
}
