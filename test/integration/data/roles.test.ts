import { PeopleRepository } from '../../../src/data/repositories/people';
import { spAs, startServer, type ListServer } from './helpers';

/**
 * Roles come from membership of the SharePoint groups provisioning creates
 * (web/currentuser/groups): the tab shows the governance screens to the
 * governance group only.
 */
describe('the register roles of the signed-in person', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ demo: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['governance', ['governance']],
    ['officer', ['officers']],
    ['panel', ['panel']],
  ])('%s holds %j', async (user, roles) => {
    const people = new PeopleRepository(spAs(server, user));
    const r = await people.roles();
    expect(r).toEqual({ ok: true, value: roles });
  });
});
