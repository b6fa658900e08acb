import { teamsDeepLink } from '../../../src/cli/reminders';
import { createRecordLinks } from '../../../src/cli/reminderSetup';
import { actionPlanSubPage, parseSubPage, statementsSubPage } from '../../../src/teams/deepLinks';
import { startRoute } from '../../../src/ui/app/startRoute';

/**
 * A statement reminder's Open: the year's assurance statements in the tab, as a Teams deep link
 * (sub-page `statements:2026`) that the tab turns into `#/statements?year=2026`, or the tab's
 * own address outside Teams.
 */
describe("a statement reminder's link", () => {
  it('is a sub-page the tab opens as that year of #/statements', () => {
    expect(parseSubPage(statementsSubPage(2026))).toEqual({ kind: 'statements', year: 2026 });
    expect(parseSubPage('statements:next')).toBeUndefined();
    expect(startRoute({ inTeams: true, locale: 'en-GB', theme: 'light', subPageId: 'statements:2026' }, '#/')).toBe(
      '#/statements?year=2026',
    );
  });

  it('is the tab address locally, and a Teams deep link when the app id is set', () => {
    const site = 'http://127.0.0.1:4321/sites/council';
    expect(createRecordLinks({ site, env: {} }).statements(2026)).toBe(
      'http://127.0.0.1:4321/index.html#/statements?year=2026',
    );
    const env = { TEAMS_APP_ID: 'app-1', TAB_URL: 'https://tab.example' };
    const url = new URL(createRecordLinks({ site, env, deepLink: teamsDeepLink(env) }).statements(2026));
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/entity/app-1/home');
    expect(JSON.parse(url.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: 'statements:2026' });
    expect(url.searchParams.get('webUrl')).toBe('https://tab.example/index.html#/statements?year=2026');
  });
});

describe("an action reminder's link (the programme's action plan)", () => {
  it('is a sub-page the tab opens as #/action-plan', () => {
    expect(parseSubPage(actionPlanSubPage())).toEqual({ kind: 'actionPlan' });
    expect(startRoute({ inTeams: true, locale: 'en-GB', theme: 'light', subPageId: 'actionPlan' }, '#/')).toBe(
      '#/action-plan',
    );
  });

  it('is a Teams deep link whose sub-page the tab reads, with the web address for browsers', () => {
    const site = 'http://127.0.0.1:4321/sites/council';
    const env = { TEAMS_APP_ID: 'app-1', TAB_URL: 'https://tab.example' };
    const url = new URL(createRecordLinks({ site, env, deepLink: teamsDeepLink(env) }).programme());
    const context = JSON.parse(url.searchParams.get('context') ?? '{}') as { subEntityId?: string };
    expect(context).toEqual({ subEntityId: 'actionPlan' });
    expect(parseSubPage(context.subEntityId)).toEqual({ kind: 'actionPlan' });
    expect(url.searchParams.get('webUrl')).toBe('https://tab.example/index.html#/action-plan');
  });
});
