import * as domain from '../../../src/domain';

describe('the public surface of the domain', () => {
  it.each([
    'validateCollaboration',
    'transition',
    'scopeOf',
    'nextReference',
    'addMonths',
    'isWorkingDay',
    'previousWorkingDay',
    'significanceOf',
    'nextReviewDue',
    'applyOutcome',
    'reviewState',
    'actionStatus',
    'validateAction',
    'planGrid',
    'scoreAssessment',
    'validateAnswers',
    'publishTemplate',
    'compareAssessments',
    'dueReminders',
    'groupByChannel',
    'compendiumFigures',
  ])('exports %s', (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the rules that are data, so callers can override them', () => {
    expect(domain.DEFAULT_REMINDER_POLICY.overdueMaxRepeats).toBe(4);
    expect(domain.DEFAULT_SIGNIFICANCE_WEIGHTS.tiers).toEqual({ medium: 4, high: 8 });
    expect(domain.DEFAULT_ACTION_POLICY).toEqual({ atRiskDays: 14, behindBy: 25 });
    expect(domain.DEFAULT_REVIEW_CADENCE.quarterly).toBe(3);
    expect(domain.DEFAULT_THRESHOLDS).toEqual({ green: 75, amber: 50 });
  });
});
