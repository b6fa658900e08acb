import {
  bandPoints,
  DEFAULT_SIGNIFICANCE_WEIGHTS,
  significanceOf,
  type SignificanceInput,
} from '../../../src/domain/significance';
import type { SignificanceTier } from '../../../src/domain/vocabulary';

const quiet: SignificanceInput = {
  basis: 'goodPractice',
  footprint: 'local',
  partnerIds: [],
  serviceRisk: 'low',
};

describe('significance of a collaboration', () => {
  it('a local good-practice arrangement with no cost, no partners and low risk is low, scoring nothing', () => {
    const s = significanceOf(quiet);
    expect(s).toMatchObject({ tier: 'low', score: 0 });
    expect(s.factors.map((f) => f.factor)).toEqual(['annualCost', 'basis', 'footprint', 'partners', 'serviceRisk']);
    expect(s.factors[0]).toEqual({ factor: 'annualCost', points: 0 });
  });

  it.each([
    [99_999, 0, 'just under £100,000 earns nothing'],
    [100_000, 1, '£100,000 reaches the first band'],
    [499_999, 1, 'just under £500,000'],
    [500_000, 2, '£500,000 reaches the second band'],
    [999_999, 2, 'just under £1m'],
    [1_000_000, 3, '£1m reaches the top band'],
    [25_000_000, 3, 'a regional deal stays in the top band'],
    [0, 0, 'a nil cost'],
  ])('an annual cost of £%i earns %i points (%s)', (annualCost, points) => {
    const s = significanceOf({ ...quiet, annualCost });
    expect(s.factors.find((f) => f.factor === 'annualCost')).toEqual({
      factor: 'annualCost',
      points,
      value: annualCost,
    });
  });

  it.each([
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [20, 2],
  ])('%i partner organisations earn %i points', (count, points) => {
    const partnerIds = Array.from({ length: count }, (_, i) => i + 1);
    expect(significanceOf({ ...quiet, partnerIds }).factors[3]).toEqual({ factor: 'partners', points, value: count });
  });

  it.each([
    ['statutory', 2],
    ['welshGovernmentFunding', 1],
    ['goodPractice', 0],
    ['localDecision', 0],
  ] as const)('a %s basis earns %i points', (basis, points) => {
    expect(significanceOf({ ...quiet, basis }).score).toBe(points);
  });

  it.each([
    ['local', 0],
    ['gwent', 1],
    ['southEastWales', 1],
    ['southWales', 2],
    ['allWales', 2],
  ] as const)('a %s footprint earns %i points', (footprint, points) => {
    expect(significanceOf({ ...quiet, footprint }).score).toBe(points);
  });

  it.each<[Partial<SignificanceInput>, number, SignificanceTier, string]>([
    [{ basis: 'statutory', footprint: 'gwent' }, 3, 'low', 'one point short of medium'],
    [{ basis: 'statutory', footprint: 'gwent', annualCost: 100_000 }, 4, 'medium', 'exactly the medium threshold'],
    [{ serviceRisk: 'high', basis: 'statutory', footprint: 'gwent' }, 7, 'medium', 'one point short of high'],
    [
      { serviceRisk: 'high', basis: 'statutory', footprint: 'gwent', annualCost: 100_000 },
      8,
      'high',
      'exactly the high threshold',
    ],
    [
      {
        serviceRisk: 'high',
        basis: 'statutory',
        footprint: 'allWales',
        annualCost: 2_000_000,
        partnerIds: [1, 2, 3, 4, 5, 6, 7],
      },
      13,
      'high',
      'every factor at its highest',
    ],
    [{ serviceRisk: 'medium' }, 2, 'low', 'medium service risk alone'],
  ])('%j scores %i and is %s (%s)', (overrides, score, tier) => {
    const s = significanceOf({ ...quiet, ...overrides });
    expect(s.score).toBe(score);
    expect(s.tier).toBe(tier);
    expect(s.factors.reduce((sum, f) => sum + f.points, 0)).toBe(score);
  });

  it('takes weights as data: a council may tighten the thresholds', () => {
    const strict = { ...DEFAULT_SIGNIFICANCE_WEIGHTS, tiers: { medium: 1, high: 2 } };
    expect(significanceOf({ ...quiet, serviceRisk: 'medium' }, strict).tier).toBe('high');
    expect(significanceOf({ ...quiet, serviceRisk: 'medium' }).tier).toBe('low');
  });

  it('takes weights as data: a council may weigh risk more heavily', () => {
    const riskFirst = { ...DEFAULT_SIGNIFICANCE_WEIGHTS, serviceRisk: { low: 0, medium: 5, high: 10 } };
    expect(significanceOf({ ...quiet, serviceRisk: 'high' }, riskFirst)).toMatchObject({ score: 10, tier: 'high' });
  });

  it('ignores a cost that is not a number rather than scoring it', () => {
    expect(significanceOf({ ...quiet, annualCost: Number.NaN }).factors[0]).toEqual({
      factor: 'annualCost',
      points: 0,
    });
  });

  it('reads bands in any order, the highest band reached counting', () => {
    const bands = [
      { from: 10, points: 5 },
      { from: 0, points: 1 },
      { from: 5, points: 3 },
    ];
    expect(bandPoints(bands, 7)).toBe(3);
    expect(bandPoints(bands, 10)).toBe(5);
    expect(bandPoints([], 1_000)).toBe(0);
  });
});
