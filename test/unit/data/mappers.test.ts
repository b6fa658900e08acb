import type { Collaboration } from '../../../src/domain/collaboration';
import type { Action, Assessment, ChannelMapping, Partner, Review } from '../../../src/domain/entities';
import type { ReminderLogEntry } from '../../../src/domain/ports';
import {
  actionMapper,
  assessmentMapper,
  channelMappingMapper,
  collaborationMapper,
  fromSpDate,
  partnerMapper,
  questionMapper,
  reminderLogMapper,
  reviewMapper,
  selectFor,
  templateMapper,
  toSpDate,
  type ListMapper,
  type StoredQuestion,
  type TemplateHeader,
} from '../../../src/data/mappers';
import { COLLABORATIONS } from '../../../src/data/schema';

const collaboration: Collaboration = {
  reference: 'COL-0042',
  title: 'Gwent Regional Partnership Board',
  titleCy: 'Bwrdd Partneriaeth Rhanbarthol Gwent',
  kind: 'formalPartnership',
  model: 'jointCommittee',
  purpose: 'Integrate health and social care for older people.',
  outcomes: 'Fewer delayed transfers of care.',
  reasons: ['coordinatedServices', 'statutoryRequirement'],
  basis: 'statutory',
  footprint: 'gwent',
  leadOrganisation: 'Aneurin Bevan University Health Board',
  councilLeads: false,
  partnerIds: [3, 5],
  serviceArea: 'Adult services',
  directorate: 'Social Services',
  leadOfficer: { id: 9, displayName: "Dylan O'Brien", email: 'dylan.obrien@glanyrafon.example' },
  status: 'active',
  startDate: '2016-04-01',
  reviewFrequency: 'annual',
  lastReviewDate: '2025-06-15',
  nextReviewDue: '2026-06-15',
  annualCost: 1200000,
  councilContribution: 150000,
  serviceRisk: 'high',
  significance: 'high',
  panel: 'Corporate Governance Review Panel',
  lastAssessmentRag: 'amber',
  lastAssessmentScore: 64,
};

/** The item SharePoint returns for `collaboration` (minimal metadata, BST dates as 23:00Z the day before). */
const collaborationItem = {
  'odata.etag': '"4"',
  Id: 42,
  Modified: '2026-01-10T09:15:00Z',
  Reference: 'COL-0042',
  Title: 'Gwent Regional Partnership Board',
  TitleCy: 'Bwrdd Partneriaeth Rhanbarthol Gwent',
  Kind: 'Formal partnership',
  Model: 'Joint committee',
  InScope: true,
  Purpose: 'Integrate health and social care for older people.',
  Outcomes: 'Fewer delayed transfers of care.',
  Reasons: ['Co-ordinated services', 'Statutory requirement'],
  Basis: 'Statutory',
  Footprint: 'Gwent-wide',
  LeadOrganisation: 'Aneurin Bevan University Health Board',
  CouncilLeads: false,
  PartnersId: [3, 5],
  ServiceArea: 'Adult services',
  Directorate: 'Social Services',
  LeadOfficerId: 9,
  LeadOfficer: { Id: 9, Title: "Dylan O'Brien", EMail: 'dylan.obrien@glanyrafon.example' },
  HeadOfServiceId: null,
  Status: 'Active',
  StartDate: '2016-03-31T23:00:00Z',
  EndDate: null,
  ReviewFrequency: 'Annual',
  LastReviewDate: '2025-06-14T23:00:00Z',
  NextReviewDue: '2026-06-14T23:00:00Z',
  AnnualCost: 1200000,
  CouncilContribution: 150000,
  ServiceRisk: 'High',
  Significance: 'High',
  Scrutiny: null,
  DisputeResolution: '',
  ExitStrategy: null,
  ExitNote: null,
  Panel: 'Corporate Governance Review Panel',
  LastAssessmentRag: 'Amber',
  LastAssessmentScore: 64,
};

describe('dates', () => {
  it.each([
    ['2026-01-15T00:00:00Z', '2026-01-15', 'winter: midnight UTC'],
    ['2026-06-14T23:00:00Z', '2026-06-15', 'British Summer Time: 23:00Z the day before'],
    ['2026-03-29T00:00:00Z', '2026-03-29', 'the day the clocks go forward'],
    ['2026-10-24T23:00:00Z', '2026-10-25', 'the day the clocks go back'],
    ['2026-06-15', '2026-06-15', 'a plain date'],
  ])('%s reads as %s (%s)', (value, day) => {
    expect(fromSpDate(value)).toBe(day);
  });
  it('writes a day as midnight UTC, and nothing as null', () => {
    expect(toSpDate('2026-06-15')).toBe('2026-06-15T00:00:00Z');
    expect(toSpDate(undefined)).toBeNull();
  });
});

describe('the collaboration mapper', () => {
  it('reads an item into the domain record, choice words as codes and BST dates as their day', () => {
    const m = collaborationMapper.fromItem(collaborationItem);
    expect(m).toEqual({ ok: true, value: { ...collaboration, id: 42, etag: '"4"', modified: '2026-01-10T09:15:00Z' } });
  });

  it('writes the record back: only schema columns, codes as words, dates at midnight UTC, people and lookups as ids', () => {
    const body = collaborationMapper.toItem(collaboration);
    const columns = new Set(
      COLLABORATIONS.fields.flatMap((f) =>
        ['Lookup', 'LookupMulti', 'User', 'UserMulti'].includes(f.type) ? [`${f.internalName}Id`] : [f.internalName],
      ),
    );
    for (const key of Object.keys(body)) expect(columns).toContain(key);
    expect(body).toMatchObject({
      Kind: 'Formal partnership',
      Model: 'Joint committee',
      InScope: true,
      Reasons: ['Co-ordinated services', 'Statutory requirement'],
      Footprint: 'Gwent-wide',
      PartnersId: [3, 5],
      LeadOfficerId: 9,
      HeadOfServiceId: null,
      StartDate: '2016-04-01T00:00:00Z',
      NextReviewDue: '2026-06-15T00:00:00Z',
      EndDate: null,
      Scrutiny: null,
    });
  });

  it('reads verbose collections ({ results }) as well', () => {
    const verbose = {
      ...collaborationItem,
      'odata.etag': undefined,
      __metadata: { etag: '"4"' },
      Reasons: { results: ['Add value'] },
      PartnersId: { results: [1] },
    };
    const m = collaborationMapper.fromItem(verbose);
    expect(m.ok && m.value.reasons).toEqual(['addValue']);
    expect(m.ok && m.value.partnerIds).toEqual([1]);
    expect(m.ok && m.value.etag).toBe('"4"');
  });

  it.each([
    [{ Status: 'Dormant' }, 'Status', /'Dormant' is not one of the status choices/],
    [{ Reasons: ['Because'] }, 'Reasons', /'Because'/],
    [{ NextReviewDue: 'soon' }, 'NextReviewDue', /not a date/],
    [{ AnnualCost: 'lots' }, 'AnnualCost', /expected a number/],
    [{ Reference: null }, 'Reference', /Reference/],
    [{ LeadOfficerId: 'nine' }, 'LeadOfficer', /expected an item id/],
    [{ CouncilLeads: 'maybe' }, 'CouncilLeads', /yes\/no/],
  ])('a bad item names the list, the item and the column: %j', (patch, field, detail) => {
    const m = collaborationMapper.fromItem({ ...collaborationItem, ...patch });
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.error.code).toBe('invalid');
    expect(m.error.field).toBe(field);
    expect(m.error.itemId).toBe(42);
    expect(m.error.detail).toMatch(/^Collaborations item 42: /);
    expect(m.error.detail).toMatch(detail);
  });

  it('refuses an item without an ETag (updates must send the one they read)', () => {
    const { 'odata.etag': _etag, ...item } = collaborationItem;
    const m = collaborationMapper.fromItem(item);
    expect(m.ok).toBe(false);
    expect(!m.ok && m.error.field).toBe('odata.etag');
  });

  it('selects every schema column by name and expands people, never *', () => {
    const { select, expand } = selectFor(COLLABORATIONS);
    expect(select).not.toContain('*');
    expect(select).toEqual(
      expect.arrayContaining(['Reference', 'PartnersId', 'LeadOfficerId', 'LeadOfficer/Title', 'LeadOfficer/EMail']),
    );
    expect(expand).toEqual(['LeadOfficer', 'HeadOfService', 'LeadMember']);
  });
});

/** Round trip through SharePoint's shape: toItem, then what the server would return. */
function roundTrip<T extends object>(mapper: ListMapper<T>, value: T, extra: Record<string, unknown> = {}) {
  const body = mapper.toItem(value);
  const item: Record<string, unknown> = { Id: 7, 'odata.etag': '"1"', ...body, ...extra };
  return mapper.fromItem(item);
}

describe('every list mapper round-trips its domain value', () => {
  const owner = { id: 7, displayName: 'Rhys Davies', email: 'rhys.davies@glanyrafon.example' };

  it('partners', () => {
    const p: Partner = {
      key: 'abuhb',
      name: 'Aneurin Bevan University Health Board',
      nameCy: 'Bwrdd Iechyd Prifysgol Aneurin Bevan',
      sector: 'health',
    };
    expect(roundTrip(partnerMapper, p)).toEqual({ ok: true, value: { ...p, id: 7, etag: '"1"' } });
  });

  it('reviews (people, lookups, link)', () => {
    const r: Review = {
      key: 'REV-COL-0042-2026',
      collaborationId: 42,
      title: 'Annual review 2026',
      kind: 'annualReview',
      dueDate: '2026-06-15',
      attendees: [owner],
      outcome: 'continueWithActions',
      conversationUrl: 'https://teams.microsoft.com/l/message/19:abc/123',
    };
    const body = reviewMapper.toItem(r);
    expect(body).toMatchObject({ CollaborationId: 42, AttendeesId: [7], ConversationUrl: { Url: r.conversationUrl } });
    expect(roundTrip(reviewMapper, r, { Attendees: [{ Id: 7, Title: 'Rhys Davies', EMail: owner.email }] })).toEqual({
      ok: true,
      value: { ...r, id: 7, etag: '"1"' },
    });
  });

  it('actions', () => {
    const a: Action = {
      key: 'ACT-1',
      title: 'Agree exit plan',
      scope: 'collaboration',
      collaborationId: 42,
      owner,
      dueDate: '2026-09-30',
      progress: 25,
    };
    expect(roundTrip(actionMapper, a, { Owner: { Id: 7, Title: 'Rhys Davies', EMail: owner.email } })).toEqual({
      ok: true,
      value: { ...a, id: 7, etag: '"1"' },
    });
  });

  it('assessments (answers as JSON, template version key)', () => {
    const a: Assessment = {
      key: 'ASM-1',
      collaborationId: 42,
      templateKey: 'wlga-principles',
      templateVersion: 2,
      status: 'submitted',
      answers: { p1: { kind: 'rag', value: 'green' }, p2: { kind: 'notApplicable' } },
      score: 80,
      overallRag: 'green',
      submittedOn: '2026-02-01T10:00:00Z',
    };
    expect(assessmentMapper.toItem(a)).toMatchObject({ TemplateVersionKey: 'wlga-principles@v2', OverallRag: 'Green' });
    expect(roundTrip(assessmentMapper, a)).toEqual({ ok: true, value: { ...a, id: 7, etag: '"1"' } });
  });

  it('assessments with answers that are not JSON name AnswersJson', () => {
    const m = assessmentMapper.fromItem({
      Id: 3,
      'odata.etag': '"1"',
      AssessmentKey: 'A',
      CollaborationId: 1,
      TemplateVersionKey: 'x@v1',
      TemplateVersion: 1,
      AssessmentStatus: 'Draft',
      AnswersJson: '{not json',
    });
    expect(!m.ok && m.error).toMatchObject({ code: 'invalid', field: 'AnswersJson', itemId: 3 });
  });

  it('templates and questions', () => {
    const t: TemplateHeader = {
      key: 'wlga-principles',
      version: 1,
      status: 'published',
      titleEn: 'WLGA Collaboration Principles',
      titleCy: 'Egwyddorion Cydweithio CLlLC',
      sections: [{ key: 's1', titleEn: 'Purpose', titleCy: 'Diben' }],
      thresholds: { green: 75, amber: 50 },
    };
    expect(roundTrip(templateMapper, t)).toEqual({ ok: true, value: { ...t, id: 7, etag: '"1"' } });
    const q: StoredQuestion = {
      templateVersionKey: 'wlga-principles@v1',
      key: 'p1',
      sectionKey: 's1',
      order: 1,
      textEn: 'Is there a clear purpose?',
      textCy: 'A oes diben clir?',
      kind: 'rag',
      required: true,
      allowNotApplicable: false,
      weight: 1,
    };
    expect(questionMapper.toItem(q)).toMatchObject({
      QuestionKey: 'wlga-principles@v1/p1',
      AnswerKind: 'Red amber green',
    });
    expect(roundTrip(questionMapper, q)).toEqual({ ok: true, value: { ...q, id: 7, etag: '"1"' } });
  });

  it('channel mappings', () => {
    const c: ChannelMapping = {
      key: 'social',
      name: 'Social Services',
      kind: 'directorate',
      channelKey: 'social-services',
      channelName: 'Social Services',
      language: 'both',
    };
    expect(roundTrip(channelMappingMapper, c)).toEqual({ ok: true, value: { ...c, id: 7, etag: '"1"' } });
  });

  it('reminder log', () => {
    const e: ReminderLogEntry = {
      key: 'reviewDueSoon:COL-0042:2026-06-15:social',
      kind: 'reviewDueSoon',
      itemRef: 'COL-0042',
      dueDate: '2026-06-15',
      channelKey: 'social',
      state: 'posted',
      runDate: '2026-06-01',
      postedOn: '2026-06-01T07:00:00Z',
    };
    expect(roundTrip(reminderLogMapper, e)).toEqual({ ok: true, value: { ...e, id: 7, etag: '"1"' } });
  });

  it('refuses to write a code that has no SharePoint word', () => {
    expect(() =>
      reminderLogMapper.toItem({
        key: 'k',
        kind: 'nonsense',
        itemRef: 'x',
        dueDate: '2026-01-01',
        channelKey: 'c',
        state: 'pending',
        runDate: '2026-01-01',
      }),
    ).toThrow(/No reminderKind choice for code 'nonsense'/);
  });
});
