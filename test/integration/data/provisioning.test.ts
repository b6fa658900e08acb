import {
  addGroupMembers,
  memberGroupTitle,
  memberRows,
  provision,
  type ProvisionReport,
} from '../../../src/data/provisioning';
import { parseCsv } from '../../../src/transfer/csv';
import { LISTS, ROLE_GROUPS } from '../../../src/data/schema';
import '@pnp/sp/site-groups/index.js';
import '@pnp/sp/site-users/index.js';
import '@pnp/sp/security/index.js';
import { reposAs, spAs, startServer, type ListServer } from './helpers';
import { collaboration } from './fixtures';

// A whole provisioning run takes 1 to 2 s on a quiet machine; beside the browser journeys in CI it
// has taken over 5 s (the hooks' default timeout). The timeout guards against a hang only.
jest.setTimeout(60_000);

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

describe('provisioning again after someone changed the permissions by hand', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ empty: true });
    await provision(spAs(server, 'governance'));
  });
  afterAll(async () => {
    await server.close();
  });

  /** A list's role assignments: principal id to the permission levels' names. */
  async function levels(title: string): Promise<Map<number, string[]>> {
    const rows = await spAs(server, 'governance')
      .web.lists.getByTitle(title)
      .roleAssignments.select('PrincipalId', 'RoleDefinitionBindings/Name')
      .expand('RoleDefinitionBindings')<{ PrincipalId: number; RoleDefinitionBindings: { Name: string }[] }[]>();
    return new Map(rows.map((r) => [r.PrincipalId, r.RoleDefinitionBindings.map((b) => b.Name).sort()]));
  }
  async function groupId(title: string): Promise<number> {
    return (await spAs(server, 'governance').web.siteGroups.getByName(title).select('Id')<{ Id: number }>()).Id;
  }
  async function roleId(name: string): Promise<number> {
    return (await spAs(server, 'governance').web.roleDefinitions.getByName(name).select('Id')<{ Id: number }>()).Id;
  }

  it('leaves no direct grant to the person who ran it: the Owners group keeps Full Control instead', async () => {
    for (const list of LISTS) {
      const assigned = await levels(list.title);
      expect(assigned.get(6)).toBeUndefined(); // Siân, who ran it (a site collection administrator)
      expect(assigned.get(3)).toEqual(['Full Control']); // the site's Owners group
    }
  });

  it('puts back what drifted, says what it changed, and leaves the rest alone', async () => {
    const sp = spAs(server, 'governance');
    const officers = await groupId(ROLE_GROUPS.officers);
    const [edit, contribute, full] = await Promise.all([roleId('Edit'), roleId('Contribute'), roleId('Full Control')]);
    // Someone gives the officers Edit on the governance team's own list, swaps their Contribute for Edit
    // on Collaborations, and takes the Owners' Full Control off Actions.
    await sp.web.lists.getByTitle('Reminder Channel Settings').roleAssignments.add(officers, edit);
    await sp.web.lists.getByTitle('Collaborations').roleAssignments.add(officers, edit);
    await sp.web.lists.getByTitle('Collaborations').roleAssignments.remove(officers, contribute);
    await sp.web.lists.getByTitle('Actions').roleAssignments.remove(3, full);

    const lines: string[] = [];
    const report = await provision(sp, { log: (l) => lines.push(l) });
    expect(report.ok).toBe(true);
    expect(
      report.steps.filter((s) => s.outcome !== 'unchanged').map((s) => [s.list, s.name, s.outcome, s.detail]),
    ).toEqual([
      ['Collaborations', `${ROLE_GROUPS.officers} as Contribute`, 'changed', 'had Edit'],
      ['Actions', 'Collaboration Register Owners as Full Control', 'created', undefined],
      [
        'Reminder Channel Settings',
        `${ROLE_GROUPS.officers} (no access)`,
        'changed',
        'had Edit, which the role policy does not give',
      ],
    ]);
    expect((await levels('Reminder Channel Settings')).get(officers)).toBeUndefined();
    expect((await levels('Collaborations')).get(officers)).toEqual(['Contribute']);
    expect((await levels('Actions')).get(3)).toEqual(['Full Control']);
    // Put right, a third run finds nothing to change.
    expect((await provision(sp)).nothingToChange).toBe(true);
  });
});

describe('adding people to the groups from a file', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ empty: true });
    await provision(spAs(server, 'governance'));
  });
  afterAll(async () => {
    await server.close();
  });

  const file = [
    'Group,Person',
    'officers,rhys.davies@glanyrafon.example',
    'Panel,eleri.morgan@glanyrafon.example',
    '',
    'governance,nobody.here@glanyrafon.example',
  ].join('\r\n');

  it('reads the group and the person by their headings, passing blank rows over', () => {
    expect(memberRows(parseCsv(file))).toEqual({
      rows: [
        { row: 2, group: 'officers', person: 'rhys.davies@glanyrafon.example' },
        { row: 3, group: 'Panel', person: 'eleri.morgan@glanyrafon.example' },
        { row: 5, group: 'governance', person: 'nobody.here@glanyrafon.example' },
      ],
      problems: [],
    });
    expect(memberRows(parseCsv('Name,Email\nRhys,rhys@x')).problems).toEqual([
      'The file needs a header row with the columns "group" and "person".',
    ]);
    expect(memberGroupTitle('panel-cgrp')).toBe('Collaboration Register Panel (panel-cgrp)');
    expect(memberGroupTitle('Collaboration Register Officers')).toBe('Collaboration Register Officers');
  });

  it('adds each person to their group, reports one SharePoint cannot find by its row, and adds nothing twice', async () => {
    const sp = spAs(server, 'governance');
    const { rows } = memberRows(parseCsv(file));
    const steps = await addGroupMembers(sp, rows);
    expect(steps.map((s) => [s.row, s.group, s.outcome])).toEqual([
      [2, ROLE_GROUPS.officers, 'added'],
      [3, ROLE_GROUPS.panel, 'added'],
      [5, ROLE_GROUPS.governance, 'failed'],
    ]);
    expect(steps[2]?.detail).toMatch(/could not be found/);
    const officers = await sp.web.siteGroups.getByName(ROLE_GROUPS.officers).users.select('Email')<
      { Email: string }[]
    >();
    expect(officers.map((u) => u.Email)).toContain('rhys.davies@glanyrafon.example');
    // Once in its group, an officer can work in the register.
    const created = await reposAs(server, 'officer').collaborations.create(collaboration('COL-0001'));
    expect(created.ok).toBe(true);
    // A second run finds them there already.
    expect((await addGroupMembers(sp, rows.slice(0, 2))).map((s) => s.outcome)).toEqual([
      'alreadyMember',
      'alreadyMember',
    ]);
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
