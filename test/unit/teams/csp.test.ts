import { contentSecurityPolicy, TEAMS_FRAME_ANCESTORS } from '../../../src/teams/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('the tab pages Content-Security-Policy', () => {
  const production = directives(
    contentSecurityPolicy({
      dev: false,
      sharePointSiteUrl: 'https://glanyrafon.sharepoint.com/sites/collaboration-register',
    }),
  );
  const dev = directives(contentSecurityPolicy({ dev: true }));

  it.each([
    ['production', production],
    ['dev', dev],
  ])('%s: only Teams and Microsoft 365 hosts (and the tab itself) may frame the tab', (_name, policy) => {
    const ancestors = policy.get('frame-ancestors')!;
    expect(ancestors).toEqual(
      expect.arrayContaining([
        "'self'",
        'https://teams.microsoft.com',
        'https://*.teams.microsoft.com',
        'https://teams.cloud.microsoft',
        'https://*.cloud.microsoft',
        'https://*.office.com',
        'https://outlook.office.com',
        'https://*.microsoft365.com',
      ]),
    );
    expect(ancestors).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
    expect(ancestors.some((s) => s === '*' || s === 'https:' || s === 'https://*')).toBe(false);
    for (const host of TEAMS_FRAME_ANCESTORS) expect(host).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it('production: calls only the tab, the council SharePoint, Entra sign-in, Graph and the teams-js host list', () => {
    expect(production.get('connect-src')).toEqual([
      "'self'",
      'https://glanyrafon.sharepoint.com',
      'https://login.microsoftonline.com',
      'https://graph.microsoft.com',
      'https://res.cdn.office.net',
    ]);
    expect(production.get('default-src')).toEqual(["'self'"]);
    expect(production.get('script-src')).toEqual(["'self'"]);
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('frame-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
  });

  it('dev: the page talks to its own origin only (and the teams-js host list when loaded in Teams)', () => {
    expect(dev.get('connect-src')).toEqual(["'self'", 'https://res.cdn.office.net']);
    expect(dev.get('default-src')).toEqual(["'self'"]);
    expect(dev.get('frame-src')).toEqual(["'self'"]);
  });

  it('no directive anywhere allows every source or inline scripts', () => {
    for (const policy of [production, dev]) {
      for (const [name, sources] of policy) {
        expect([name, sources.includes('*')]).toEqual([name, false]);
      }
      expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
      expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    }
  });

  it('without the site, any SharePoint Online tenant; a non-https site is refused', () => {
    expect(directives(contentSecurityPolicy({ dev: false })).get('connect-src')).toContain('https://*.sharepoint.com');
    expect(() => contentSecurityPolicy({ dev: false, sharePointSiteUrl: 'http://x.sharepoint.com/sites/a' })).toThrow(
      RangeError,
    );
  });
});
