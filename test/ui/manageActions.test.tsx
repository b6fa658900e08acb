/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import type { Action } from '../../src/domain';
import { createSp } from '../../src/data/sp';
import { ROLE_GROUPS } from '../../src/data/schema/lists';
import '@pnp/sp/security/index.js';
import '@pnp/sp/site-groups/index.js';
import { renderTab, servicesFor, settle, startServer } from './helpers';

/** The record's Actions tab: managing an action (edit, re-date, reassign, delete) as the role policy allows. */
let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

const rhys = { id: 7, displayName: 'Rhys Davies' };
/** COL-0002 (id 2): Gareth Williams leads it, so Dylan is neither its lead officer nor these actions' owner. */
const RECORD = { id: 2, reference: 'COL-0002' };
const governance = () => servicesFor(server.siteUrl, { devUser: 'governance' }).stores.actions;

let n = 0;
async function anAction(overrides: Partial<Action> = {}) {
  n += 1;
  const r = await governance().create({
    key: `ACT-MANAGE-${Date.now().toString(36)}-${n}`,
    title: `Record action ${n}`,
    scope: 'collaboration',
    collaborationId: RECORD.id,
    owner: rhys,
    startDate: '2026-01-05',
    dueDate: '2026-04-30',
    progress: 20,
    ...overrides,
  });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

async function stored(id: number) {
  const all = await governance().forCollaboration(RECORD.id);
  if (!all.ok) throw new Error(all.error.code);
  return all.value.find((a) => a.id === id);
}

const openTab = async (devUser: string) => {
  renderTab(server.siteUrl, { hash: `#/collaboration/${RECORD.reference}?tab=actions`, devUser });
  return screen.findByRole('table', { name: /Actions by month/ }, { timeout: 10_000 });
};

describe('managing a record’s actions', () => {
  it('as the governance team: edits the title and due date, reassigns, and deletes with a confirmation', async () => {
    const user = userEvent.setup();
    const action = await anAction({ title: 'Agree the data-sharing protocol' });
    await openTab('governance');

    await user.click(await screen.findByRole('button', { name: `Edit ${action.title}` }, { timeout: 10_000 }));
    let form = screen.getByRole('form', { name: `Edit ${action.title}` });
    const title = within(form).getByRole('textbox', { name: /^Action/ });
    await user.clear(title);
    await user.click(title);
    await user.paste('Agree and sign the data-sharing protocol');
    await user.clear(within(form).getByLabelText(/^Due/));
    await user.type(within(form).getByLabelText(/^Due/), '2026-05-29');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Action saved.')).toBeInTheDocument();
    await settle();
    expect(await stored(action.id)).toMatchObject({
      title: 'Agree and sign the data-sharing protocol',
      dueDate: '2026-05-29',
      startDate: '2026-01-05',
      owner: { id: 7 },
      progress: 20,
    });

    const renamed = 'Agree and sign the data-sharing protocol';
    await user.click(await screen.findByRole('button', { name: `Edit ${renamed}` }));
    form = screen.getByRole('form', { name: `Edit ${renamed}` });
    const owner = within(form).getByRole('combobox', { name: /^Owner/ });
    await user.clear(owner);
    await user.click(owner);
    await user.paste('Llŷr');
    await user.click(await screen.findByRole('option', { name: /^Llŷr Evans \(/ }, { timeout: 5000 }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Action saved.')).toBeInTheDocument();
    await settle();
    expect((await stored(action.id))?.owner).toMatchObject({ id: 10 });

    await user.click(await screen.findByRole('button', { name: `Delete ${renamed}` }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete this action?' });
    expect(within(dialog).getByText(/will be removed from this record/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Action deleted.')).toBeInTheDocument();
    await settle();
    expect(await stored(action.id)).toBeUndefined();
  });

  it('keeps what was typed when someone else saved first, and saves it on their version', async () => {
    const user = userEvent.setup();
    const action = await anAction({ title: 'Publish the annual statement' });
    await openTab('governance');
    await user.click(await screen.findByRole('button', { name: `Edit ${action.title}` }, { timeout: 10_000 }));
    const form = screen.getByRole('form', { name: `Edit ${action.title}` });
    const title = within(form).getByRole('textbox', { name: /^Action/ });
    await user.clear(title);
    await user.click(title);
    await user.paste('Publish the statement (mine)');

    expect((await governance().update({ ...action, title: 'Publish the statement (theirs)' })).ok).toBe(true);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else updated this action first' });
    expect(within(dialog).getByTestId('theirs-title')).toHaveTextContent('Publish the statement (theirs)');
    expect(within(dialog).getByTestId('mine-title')).toHaveTextContent('Publish the statement (mine)');
    await user.click(within(dialog).getByRole('button', { name: 'Save mine on their version' }));
    expect(await screen.findByText('Action saved.')).toBeInTheDocument();
    await settle();
    expect((await stored(action.id))?.title).toBe('Publish the statement (mine)');
  });

  it('refuses a due date before the start through the domain, writing nothing', async () => {
    const user = userEvent.setup();
    const action = await anAction({ title: 'Check the partnership register' });
    await openTab('governance');
    await user.click(await screen.findByRole('button', { name: `Edit ${action.title}` }, { timeout: 10_000 }));
    const form = screen.getByRole('form', { name: `Edit ${action.title}` });
    await user.clear(within(form).getByLabelText(/^Due/));
    await user.type(within(form).getByLabelText(/^Due/), '2025-12-01');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('The end date must be on or after the start date.')).toBeInTheDocument();
    await settle();
    expect((await stored(action.id))?.etag).toBe(action.etag);
  });

  it('offers an officer who is neither the owner nor the lead officer no edit or delete', async () => {
    const action = await anAction({ title: 'Someone else’s action' });
    const table = await openTab('dylan');
    expect(await within(table).findByRole('rowheader', { name: new RegExp(action.title) })).toBeInTheDocument();
    await settle();
    expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete / })).not.toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: 'Manage' })).not.toBeInTheDocument();
  });

  it('offers the action’s owner edit and delete', async () => {
    const action = await anAction({ title: 'Rhys’s own action' });
    await openTab('officer');
    expect(
      await screen.findByRole('button', { name: `Edit ${action.title}` }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Delete ${action.title}` })).toBeInTheDocument();
    await settle();
  });

  it('on the 12-month plan: the governance team edits a programme action in place', async () => {
    const user = userEvent.setup();
    const action = await anAction({ title: 'Programme action to re-date', scope: 'programme' });
    const { collaborationId: _c, ...programme } = action;
    expect((await governance().update({ ...programme, scope: 'programme' })).ok).toBe(true);
    renderTab(server.siteUrl, { hash: '#/action-plan?month=7&year=2025&scope=programme', devUser: 'governance' });
    await user.click(await screen.findByRole('button', { name: `Edit ${action.title}` }, { timeout: 10_000 }));
    const form = screen.getByRole('form', { name: `Edit ${action.title}` });
    await user.clear(within(form).getByLabelText(/^Start/));
    await user.type(within(form).getByLabelText(/^Start/), '2026-02-02');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Action saved.')).toBeInTheDocument();
    await settle();
    const all = await governance().forOwner(rhys.id);
    expect(all.ok && all.value.find((a) => a.id === action.id)).toMatchObject({ startDate: '2026-02-02' });
  });

  it('says a refusal (403) in the person’s language and changes nothing', async () => {
    const user = userEvent.setup();
    const action = await anAction({ title: 'Gweithred wedi’i chloi' });
    // SharePoint's item permissions, as an administrator might set them: officers may only read this one.
    const sp = createSp({ siteUrl: server.siteUrl, getToken: () => Promise.resolve('dev:governance'), retryBaseMs: 1 });
    const item = sp.web.lists.getByTitle('Actions').items.getById(action.id);
    await item.breakRoleInheritance(false, true);
    for (const [group, type] of [
      [ROLE_GROUPS.officers, 2],
      [ROLE_GROUPS.governance, 6],
    ] as const) {
      const principal = await sp.web.siteGroups.getByName(group).select('Id')<{ Id: number }>();
      const def = await sp.web.roleDefinitions.getByType(type).select('Id')<{ Id: number }>();
      await item.roleAssignments.add(principal.Id, def.Id);
    }
    renderTab(server.siteUrl, {
      hash: `#/collaboration/${RECORD.reference}?tab=actions`,
      devUser: 'officer',
      locale: 'cy-GB',
    });
    await user.click(await screen.findByRole('button', { name: `Golygu ${action.title}` }, { timeout: 10_000 }));
    const form = screen.getByRole('form', { name: `Golygu ${action.title}` });
    const title = within(form).getByRole('textbox', { name: /^Cam gweithredu/ });
    await user.clear(title);
    await user.click(title);
    await user.paste('Newid na chaiff ei gadw');
    await user.click(within(form).getByRole('button', { name: "Cadw'r newidiadau" }));
    expect(await within(form).findByText(/Nid oes gennych ganiatâd/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: /^Canslo/ }));

    await user.click(screen.getByRole('button', { name: `Dileu ${action.title}` }));
    const dialog = await screen.findByRole('alertdialog', { name: "Dileu'r cam gweithredu hwn?" });
    await user.click(within(dialog).getByRole('button', { name: 'Dileu' }));
    expect(await within(dialog).findByText(/Nid oes gennych ganiatâd/)).toBeInTheDocument();
    await settle();
    expect(await stored(action.id)).toMatchObject({ title: action.title, etag: action.etag });
  });

  it('shows their version when the action changed before the delete, and deletes it all the same on request', async () => {
    const user = userEvent.setup();
    const action = await anAction({ title: 'Close the old protocol' });
    await openTab('governance');
    await user.click(await screen.findByRole('button', { name: `Delete ${action.title}` }, { timeout: 10_000 }));
    expect((await governance().update({ ...action, title: 'Close the old protocol (theirs)' })).ok).toBe(true);
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete this action?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else updated this action first' });
    expect(within(dialog).getByTestId('theirs-title')).toHaveTextContent('Close the old protocol (theirs)');
    expect(within(dialog).getByTestId('mine-title')).toHaveTextContent('Close the old protocol');
    expect(await stored(action.id)).toBeDefined();
    await user.click(within(dialog).getByRole('button', { name: 'Delete it all the same' }));
    expect(await screen.findByText('Action deleted.')).toBeInTheDocument();
    await settle();
    expect(await stored(action.id)).toBeUndefined();
  });
});
