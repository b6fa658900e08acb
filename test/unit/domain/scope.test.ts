import { isInScope, scopeOf } from '../../../src/domain/scope';
import { MODELS, type Model } from '../../../src/domain/vocabulary';

describe("the protocol's scope", () => {
  it.each<[Model, boolean, string]>([
    ['delegationOfFunctions', true, 'delegationInScope'],
    ['jointCommittee', true, 'jointCommitteeInScope'],
    ['informalArrangement', false, 'informalNotCovered'],
    ['sharedAppointment', false, 'secondmentNotCovered'],
    ['contractualArrangement', false, 'contractNotCovered'],
    ['corporateVehicle', false, 'corporateVehicleNotCovered'],
  ])('a %s is in scope: %s, because %s', (model, inScope, reason) => {
    expect(scopeOf(model)).toEqual({ inScope, reason });
    expect(isInScope(model)).toBe(inScope);
  });

  it('every WLGA model has a decision, two in scope and four recorded but flagged', () => {
    expect(MODELS.filter(isInScope)).toEqual(['delegationOfFunctions', 'jointCommittee']);
    expect(new Set(MODELS.map((m) => scopeOf(m).reason)).size).toBe(MODELS.length);
  });
});
