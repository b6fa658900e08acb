import { provision, type ProvisionReport } from '../../../src/data/provisioning';
import { LISTS, ROLE_GROUPS } from '../../../src/data/schema';
import '@pnp/sp/site-groups/index.js';
import '@pnp/sp/site-users/index.js';
import { reposAs, spAs, startServer, type ListServer } from './helpers';
import { collaboration } from './fixtures';

const failures = (r: ProvisionReport) => r.steps.filter((s) => s.outcome === 'failed' || s.outcome === 'skipped');

describe('provisioning an empty site', () => {
  let server: ListServer;
  let dryRun: ProvisionReport | undefined;
  beforeAll(async () => {
    server = await startServer({ empty: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('a dry run writes nothing and says what it would create', async () => {
    const lines: string[] = [];
    const report = await provision(spAs(server, 'governance'), { dryRun: true, log: (l) => lines.push(l) });
    dryRun = report;
    expect(report.dryRun).toBe(true);
    expect(report.counts.created).toBeGreaterThan(100);
    expect(lines).toContain('list "Collaborations": would create (at Lists/Collaborations)');
    const second = await provision(spAs(server, 'governance'), { dryRun: true });
    expect(second.counts.created).toBe(report.counts.created);
  });

  it('creates everything once, and a second run changes nothing and says so', async () => {
    const lines: string[] = [];
    const first = await provision(spAs(server, 'governance'), { log: (l) => lines.push(l) });
    expect(failures(first)).toEqual([]);
    expect(first.ok).toBe(true);
    for (const list of LISTS) expect(lines).toContain(`list "${list.title}": created (at Lists/${list.url})`);
    for (const group of Object.values(ROLE_GROUPS)) expect(lines).toContain(`group "${group}": created`);
    expect(lines).toContain('  field Collaborations.Reference: created (Text)');
    expect(lines).toContain('  permission Collaborations.Collaboration Register Officers as Contribute: created');
    expect(first.summary).toMatch(/^\d+ created, \d+ changed, \d+ left alone, 0 skipped, 0 failed\.$/);
    // The dry run foretold exactly this.
    expect(dryRun?.counts).toEqual(first.counts);
    expect(dryRun?.steps.map((s) => [s.kind, s.list, s.name, s.outcome])).toEqual(
      first.steps.map((s) => [s.kind, s.list, s.name, s.outcome]),
    );

    const secondLines: string[] = [];
    const second = await provision(spAs(server, 'governance'), { log: (l) => secondLines.push(l) });
    expect(second.steps.filter((s) => s.outcome !== 'unchanged')).toEqual([]);
    expect(second.nothingToChange).toBe(true);
    expect(second.summary).toBe(`Nothing to change: ${second.counts.unchanged} left alone, 0 failed.`);
    expect(secondLines.at(-1)).toBe(second.summary);
  }, 60_000);

  it('the provisioned lists work with the repositories, unique keys and permissions included', async () => {
    const officer = reposAs(server, 'officer');
    // The groups start empty: until someone is added, an officer has no access at all.
    const before = await officer.collaborations.create(collaboration('COL-0001'));
    expect(!before.ok && before.error.code).toBe('forbidden');
    await spAs(server, 'governance')
      .web.siteGroups.getByName(ROLE_GROUPS.officers)
      .users.add('i:0#.f|membership|rhys.davies@glanyrafon.example');

    const created = await officer.collaborations.create(collaboration('COL-0001'));
    expect(created.ok).toBe(true);
    const duplicate = await officer.collaborations.create(collaboration('COL-0001', { title: 'Other' }));
    expect(!duplicate.ok && duplicate.error.code).toBe('duplicate');
    const partner = await officer.partners.create({ key: 'p1', name: 'Not allowed', sector: 'other' });
    expect(!partner.ok && partner.error.code).toBe('forbidden');
  });
});

describe('provisioning the demo site', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ demo: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds nothing to change', async () => {
    const report = await provision(spAs(server, 'governance'));
    expect(report.steps.filter((s) => s.outcome !== 'unchanged')).toEqual([]);
    expect(report.nothingToChange).toBe(true);
  });
});

describe('provisioning without the right to', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ empty: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('reports each failing step by name with SharePoint’s message', async () => {
    const lines: string[] = [];
    const report = await provision(spAs(server, 'officer'), { log: (l) => lines.push(l) });
    expect(report.ok).toBe(false);
    const failed = report.steps.filter((s) => s.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const step of failed) expect(step.detail ?? '').not.toBe('');
    expect(lines.some((l) => / FAILED \(.+\)$/.test(l))).toBe(true);
    expect(report.summary).toMatch(/[1-9]\d* failed\.$/);
  });
});
