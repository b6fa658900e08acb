/**
 * Builders for the domain tests: a valid record with only what a test is
 * about overridden, so each table row reads as the case it names.
 */
import type { Collaboration } from '../../../src/domain/collaboration';
import type { Action, AssessmentTemplate, Question } from '../../../src/domain/entities';

export function aCollaboration(overrides: Partial<Collaboration> = {}): Collaboration {
  return {
    reference: 'COL-0042',
    title: 'Gwent Joint Archives Service',
    kind: 'collaboration',
    model: 'jointCommittee',
    purpose: 'A shared archive service for the five Gwent councils.',
    reasons: ['coordinatedServices', 'valueForMoney'],
    basis: 'goodPractice',
    footprint: 'gwent',
    leadOrganisation: 'Caerphilly County Borough Council',
    councilLeads: true,
    partnerIds: [1, 2, 3],
    directorate: 'Corporate Services',
    status: 'active',
    startDate: '2014-07-01',
    reviewFrequency: 'annual',
    serviceRisk: 'low',
    ...overrides,
  };
}

export function anAction(overrides: Partial<Action> = {}): Action {
  return {
    key: 'ACT-0001',
    title: 'Review the partnership list with Heads of Service',
    scope: 'programme',
    progress: 0,
    ...overrides,
  };
}

export function aQuestion(overrides: Partial<Question> & Pick<Question, 'key'>): Question {
  return {
    sectionKey: 's1',
    order: 1,
    textEn: `Question ${overrides.key}`,
    textCy: `Cwestiwn ${overrides.key}`,
    kind: 'rag',
    required: true,
    allowNotApplicable: false,
    weight: 1,
    ...overrides,
  };
}

export function aTemplate(questions: Question[], overrides: Partial<AssessmentTemplate> = {}): AssessmentTemplate {
  return {
    key: 'governance-check',
    version: 1,
    status: 'draft',
    titleEn: 'Governance arrangements check',
    titleCy: 'Gwiriad trefniadau llywodraethu',
    sections: [
      { key: 's1', titleEn: 'Clarity of purpose', titleCy: 'Eglurder diben' },
      { key: 's2', titleEn: 'Accountability and scrutiny', titleCy: 'Atebolrwydd a chraffu' },
    ],
    questions,
    thresholds: { green: 75, amber: 50 },
    ...overrides,
  };
}
