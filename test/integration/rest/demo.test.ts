/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- raw REST bodies are untyped JSON, checked property by property */
import { LISTS, CHOICES } from '../../../src/data/schema';
import { addDays, generateDemoData } from '../../../src/local/demo';
import { ACCEPT, startApi, type Api } from './helpers';

jest.setTimeout(60_000);

const TODAY = '2026-11-23';
let api: Api;

beforeAll(async () => {
  api = await startApi({ today: TODAY });
});
afterAll(async () => {
  await api.server.close();
});

async function all(list: string, select: string): Promise<any[]> {
  const r = await api.call(api.items(list, `?$select=${select}&$top=5000`), { accept: ACCEPT.none });
  expect(r.status).toBe(200);
  return r.json.value;
}

describe('demo data: Glan-yr-Afon County Borough Council, shaped on seed 002', () => {
  it('provisions every list of the schema, with the four shipped templates and assessments of them', async () => {
    const r = await api.call('/_api/web/lists?$select=Title,ItemCount', { accept: ACCEPT.none });
    const byTitle = new Map(r.json.value.map((l: any) => [l.Title, l.ItemCount]));
    for (const def of LISTS) expect(byTitle.has(def.title)).toBe(true);
    expect(byTitle.get('Assessment Templates')).toBe(4);
    expect(byTitle.get('Assessment Questions')).toBe(51);
    expect(byTitle.get('Assessments')).toBe(44);
    const assessments = await all('Assessments', 'AssessmentStatus');
    expect(assessments.filter((a) => a.AssessmentStatus === 'Draft')).toHaveLength(1);
  });

  it('has about 146 partner organisations with Welsh names and unique keys', async () => {
    const partners = await all('Partner Organisations', 'Title,NameCy,PartnerKey,Sector');
    expect(partners).toHaveLength(146);
    expect(new Set(partners.map((p) => p.PartnerKey)).size).toBe(146);
    expect(partners.find((p) => p.Title === 'Welsh Government')?.NameCy).toBe('Llywodraeth Cymru');
    expect(partners.every((p) => typeof p.NameCy === 'string' && p.NameCy.length > 0)).toBe(true);
  });

  it('has 35 formal partnerships and 25 collaborations, 8 led by the council, 25 statutory, good practice or WG funded', async () => {
    const c = await all(
      'Collaborations',
      'Kind,Model,InScope,Basis,CouncilLeads,LeadOrganisation,Status,Reference,Title,TitleCy',
    );
    expect(c).toHaveLength(60);
    expect(c.filter((x) => x.Kind === 'Formal partnership')).toHaveLength(35);
    expect(c.filter((x) => x.Kind === 'Collaboration')).toHaveLength(25);
    const led = c.filter((x) => x.CouncilLeads);
    expect(led).toHaveLength(8);
    expect(led.every((x) => x.LeadOrganisation === 'Glan-yr-Afon County Borough Council')).toBe(true);
    expect(c.filter((x) => ['Statutory', 'Good practice', 'Welsh Government funding'].includes(x.Basis))).toHaveLength(
      25,
    );
    expect(c.map((x) => x.Reference).slice(0, 3)).toEqual(['COL-0001', 'COL-0002', 'COL-0003']);
    expect(c.find((x) => x.Title === 'Gwent Regional Partnership Board')?.TitleCy).toBe(
      'Bwrdd Partneriaeth Rhanbarthol Gwent',
    );
    expect(c.find((x) => x.Title === 'Glan-yr-Afon Public Services Board')?.TitleCy).toBe(
      'Bwrdd Gwasanaethau Cyhoeddus Glan-yr-Afon',
    );
  });

  it('uses all six models, flags the four outside the protocol, and covers the life cycle', async () => {
    const c = await all('Collaborations', 'Kind,Model,InScope,Status');
    const models = new Set(c.filter((x) => x.Kind === 'Collaboration').map((x) => x.Model));
    expect([...models].sort()).toEqual(CHOICES.model.map((m) => m.value).sort());
    expect(c.filter((x) => !x.InScope).length).toBeGreaterThan(0);
    expect(c.every((x) => x.InScope === ['Delegation of functions', 'Joint committee'].includes(x.Model))).toBe(true);
    expect(new Set(c.map((x) => x.Status))).toEqual(new Set(CHOICES.status.map((s) => s.value)));
  });

  it('has reviews due soon and overdue on the day of generation, and some past reviews with outcomes', async () => {
    const c = await all('Collaborations', 'NextReviewDue,ReviewFrequency,LeadOfficerId,HeadOfServiceId,Directorate');
    const due = c.map((x) => x.NextReviewDue).filter((d) => d !== null);
    expect(due.some((d) => d < `${TODAY}T00:00:00Z`)).toBe(true);
    expect(due.some((d) => d >= `${TODAY}T00:00:00Z` && d <= `${addDays(TODAY, 14)}T00:00:00Z`)).toBe(true);
    expect(new Set(c.map((x) => x.ReviewFrequency)).size).toBeGreaterThan(2);
    expect(new Set(c.map((x) => x.Directorate))).toEqual(
      new Set(['Education', 'Social Services', 'Economy and Environment', 'Corporate Services']),
    );
    const reviews = await all('Reviews', 'Outcome,HeldOn,DueDate,Panel');
    expect(reviews.length).toBeGreaterThan(5);
    expect(reviews.some((r) => r.Outcome !== null)).toBe(true);
    expect(reviews.some((r) => r.HeldOn === null)).toBe(true);
  });

  it('has actions due soon, overdue, complete and without dates, including the programme plan', async () => {
    const a = await all('Actions', 'DueDate,CompletedOn,Progress,ActionScope,OwnerId');
    const today = `${TODAY}T00:00:00Z`;
    const soon = `${addDays(TODAY, 14)}T00:00:00Z`;
    expect(a.some((x) => x.DueDate && x.DueDate >= today && x.DueDate <= soon && !x.CompletedOn)).toBe(true);
    expect(a.some((x) => x.DueDate && x.DueDate < today && !x.CompletedOn)).toBe(true);
    expect(a.some((x) => x.CompletedOn && x.Progress === 100)).toBe(true);
    expect(a.some((x) => x.DueDate === null)).toBe(true);
    expect(new Set(a.map((x) => x.ActionScope))).toEqual(new Set(['Programme', 'Collaboration', 'Review']));
  });

  it('maps directorates and the two panels to channels; reminder settings use the dev inbox and hold no secrets', async () => {
    const m = await all('Channel Mappings', 'Title,MappingKind,ChannelKey');
    expect(m.map((x) => x.Title)).toEqual(
      expect.arrayContaining([
        'Education',
        'Social Services',
        'Economy and Environment',
        'Corporate Services',
        'Corporate Governance Review Panel',
        'Governance and Audit Committee',
      ]),
    );
    const s = await all('Reminder Channel Settings', 'ChannelKey,Transport,SecretName,Enabled');
    expect(s).toHaveLength(6);
    expect(s.every((x) => x.Transport === 'Dev inbox' && x.SecretName === null && x.Enabled === true)).toBe(true);
  });

  it('is deterministic for the same day, size and seed, and differs with the seed', () => {
    const a = generateDemoData(TODAY, { size: 200 });
    const b = generateDemoData(TODAY, { size: 200 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(generateDemoData(TODAY, { size: 200, seed: 9 }))).not.toBe(JSON.stringify(a));
    expect(a.collaborations).toHaveLength(200);
    expect(new Set(a.collaborations?.map((c) => c.Reference)).size).toBe(200);
  });
});
