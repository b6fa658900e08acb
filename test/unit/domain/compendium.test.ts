import { compendiumFigures, isCurrentIn, type CompendiumRecord } from '../../../src/domain/compendium';
import type { Basis, Footprint, Model, Status } from '../../../src/domain/vocabulary';

const period = { periodStart: '2014-04-01', periodEnd: '2015-03-31' };

/** Repeats each value its count of times: spread([['a', 2], ['b', 1]]) is a, a, b. */
function spread<T>(counts: readonly (readonly [T, number])[]): T[] {
  return counts.flatMap(([value, n]) => Array.from({ length: n }, () => value));
}

/**
 * Seed 002's register in May 2014: 146 partner organisations, 35 formal
 * partnerships, 25 collaborations, the council the lead in 8, and 25 that are
 * statutory, good practice or Welsh Government funded.
 */
function caerphilly2014(): CompendiumRecord[] {
  const kinds = spread([
    ['formalPartnership', 35],
    ['collaboration', 25],
  ] as const);
  const models = spread<Model>([
    ['jointCommittee', 20],
    ['sharedAppointment', 5],
    ['contractualArrangement', 5],
    ['corporateVehicle', 5],
    ['delegationOfFunctions', 10],
    ['jointCommittee', 12],
    ['informalArrangement', 3],
  ]);
  const bases = spread<Basis>([
    ['statutory', 10],
    ['goodPractice', 10],
    ['welshGovernmentFunding', 5],
    ['localDecision', 35],
  ]);
  const footprints = spread<Footprint>([
    ['gwent', 30],
    ['southEastWales', 15],
    ['southWales', 10],
    ['local', 5],
  ]);
  const statuses = spread<Status>([
    ['active', 55],
    ['underReview', 3],
    ['withdrawing', 2],
  ]);
  return kinds.map((kind, i) => ({
    kind,
    model: models[i] ?? 'jointCommittee',
    basis: bases[i] ?? 'localDecision',
    footprint: footprints[i] ?? 'local',
    status: statuses[i] ?? 'active',
    // The council leads eight of the collaborations (records 35-42).
    councilLeads: i >= 35 && i < 43,
    // Three partners each, together covering all 146 organisations.
    partnerIds: [0, 1, 2].map((k) => ((i * 3 + k) % 146) + 1),
    startDate: i % 4 === 0 ? undefined : '2010-04-01',
  }));
}

const partners = Array.from({ length: 146 }, (_, i) => ({ id: i + 1, key: `P${i + 1}` }));

describe('compendium figures', () => {
  it("reproduces seed 002's headline figures", () => {
    const result = compendiumFigures(caerphilly2014(), partners, period);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const f = result.value;
    expect(f.partnerOrganisations).toEqual({ inCurrentArrangements: 146, onPartnerList: 146 });
    expect(f.formalPartnerships).toBe(35);
    expect(f.collaborations).toBe(25);
    expect(f.arrangements).toBe(60);
    expect(f.councilLeads).toBe(8);
    expect(f.councilLeadsByKind).toEqual({ formalPartnership: 0, collaboration: 8 });
    expect(f.statutoryGoodPracticeOrFunded).toBe(25);
    expect(f.byBasis).toEqual({ statutory: 10, goodPractice: 10, welshGovernmentFunding: 5, localDecision: 35 });
  });

  it('counts by model, status and footprint, and in and out of the protocol scope', () => {
    const result = compendiumFigures(caerphilly2014(), partners, period);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const f = result.value;
    expect(f.byModel).toEqual({
      delegationOfFunctions: 10,
      jointCommittee: 32,
      informalArrangement: 3,
      sharedAppointment: 5,
      contractualArrangement: 5,
      corporateVehicle: 5,
    });
    expect(f.byStatus).toEqual({ proposed: 0, active: 55, underReview: 3, reforming: 0, withdrawing: 2, closed: 0 });
    expect(f.byFootprint).toEqual({
      local: 5,
      gwent: 30,
      southEastWales: 15,
      southWales: 10,
      regional: 0,
      allWales: 0,
      national: 0,
    });
    expect([f.inScope, f.outOfScope]).toEqual([42, 18]);
  });

  it('leaves out arrangements not current in the period, and their partners', () => {
    const records: CompendiumRecord[] = [
      ...caerphilly2014(),
      { ...caerphilly2014()[0]!, endDate: '2014-03-31', partnerIds: [900] },
      { ...caerphilly2014()[40]!, startDate: '2015-04-01', councilLeads: true, partnerIds: [901] },
    ];
    const result = compendiumFigures(records, partners, period);
    expect(result.ok && [result.value.arrangements, result.value.councilLeads]).toEqual([60, 8]);
    expect(result.ok && result.value.partnerOrganisations.inCurrentArrangements).toBe(146);
  });

  it('an empty register gives noughts, not an error', () => {
    const result = compendiumFigures([], [], period);
    expect(result.ok && result.value).toMatchObject({
      arrangements: 0,
      formalPartnerships: 0,
      collaborations: 0,
      councilLeads: 0,
      statutoryGoodPracticeOrFunded: 0,
      partnerOrganisations: { inCurrentArrangements: 0, onPartnerList: 0 },
      inScope: 0,
      outOfScope: 0,
    });
  });

  it.each([
    [{ periodStart: '2015-04-01', periodEnd: '2015-03-31' }, 'periodEnd', 'endBeforeStart'],
    [{ periodStart: '2015-02-30', periodEnd: '2015-03-31' }, 'periodStart', 'invalidDate'],
    [{ periodStart: '2014-04-01', periodEnd: '31/03/2015' }, 'periodEnd', 'invalidDate'],
  ])('refuses the period %j', (badPeriod, field, code) => {
    expect(compendiumFigures([], [], badPeriod)).toEqual({ ok: false, error: [{ field, code }] });
  });

  it.each<[string | undefined, string | undefined, boolean, string]>([
    ['2010-01-01', undefined, true, 'started before the period and still running'],
    [undefined, undefined, true, 'no start date yet'],
    ['2015-03-31', undefined, true, 'started on the last day of the period'],
    ['2015-04-01', undefined, false, 'started the day after the period'],
    ['2010-01-01', '2014-04-01', true, 'ended on the first day of the period'],
    ['2010-01-01', '2014-03-31', false, 'ended the day before the period'],
    ['2014-06-01', '2014-09-30', true, 'started and ended within the period'],
  ])('from %s to %s, current in the period: %s (%s)', (startDate, endDate, expected) => {
    const dates = { ...(startDate && { startDate }), ...(endDate && { endDate }) };
    expect(isCurrentIn(dates, period)).toBe(expected);
  });
});
