import { readFileSync } from 'node:fs';
import { hostNameProblem, parseDotenv, parsePackageEnv, siteUrlProblem } from '../../../src/cli/package-env';

const example = readFileSync('manifest/.env.example', 'utf8');

/** The example file with some lines changed: `null` removes the line. */
function exampleWith(changes: Record<string, string | null>): string {
  return example
    .split('\n')
    .flatMap((line) => {
      const key = /^([A-Z_]+)=/.exec(line)?.[1];
      if (key === undefined || !(key in changes)) return [line];
      const value = changes[key];
      return value === null || value === undefined ? [] : [`${key}=${value}`];
    })
    .join('\n');
}

describe('reading a dotenv file', () => {
  it('reads bare, quoted and exported values, and skips comments', () => {
    const { values, issues } = parseDotenv(
      [
        '# a comment',
        '',
        'A=plain value   # trailing comment',
        `export B='double "quoted" # not a comment'`,
        "C='single # literal \\n'",
        'D=',
        'E="url#fragment"',
        'F="two\\nlines" # a comment after a quoted value',
        'A=later wins',
      ].join('\r\n'),
    );
    expect(issues).toEqual([]);
    expect(values).toEqual({
      A: 'later wins',
      B: 'double "quoted" # not a comment',
      C: 'single # literal \\n',
      D: '',
      E: 'url#fragment',
      F: 'two\nlines',
    });
  });

  it('names the line of a line it cannot read', () => {
    const { issues } = parseDotenv('GOOD=1\nthis is not a setting\nQ="unclosed\n');
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ['syntax', 2],
      ['syntax', 3],
    ]);
    expect(issues[0]?.message).toMatch(/line 2: expected KEY=value/);
  });

  it('names a line whose value parseEnv would cut short, instead of taking it short', () => {
    const { values, issues } = parseDotenv(
      ['PRIVACY_URL=https://council.example/privacy#teams', 'B="say \\"hi\\""', 'OK=1'].join('\n'),
    );
    expect(issues.map((i) => [i.code, i.key, i.line])).toEqual([
      ['syntax', 'PRIVACY_URL', 1],
      ['syntax', 'B', 2],
    ]);
    expect(issues[0]?.message).toMatch(/line 1: PRIVACY_URL's value has a # in it/);
    expect(values).toEqual({ OK: '1' });
  });
});

describe('the package values', () => {
  it('accepts the committed example', () => {
    const result = parsePackageEnv(example);
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('names every missing or malformed value at once, in the file order', () => {
    const result = parsePackageEnv(exampleWith({ APP_ID: null, HOST_NAME: 'https://register.glanyrafon.example/' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { code: 'missing', key: 'APP_ID', message: 'APP_ID is missing' },
      { code: 'malformed', key: 'HOST_NAME', message: 'HOST_NAME must be a host name without https://' },
    ]);
  });

  it('treats a blank value as missing', () => {
    const result = parsePackageEnv(exampleWith({ TENANT_ID: '' }));
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual(['TENANT_ID is missing']);
  });

  it.each([
    ['APP_ID', 'not-a-guid', 'APP_ID must be a GUID'],
    ['ENTRA_CLIENT_ID', '1234', 'ENTRA_CLIENT_ID must be a GUID'],
    [
      'SHAREPOINT_SITE_URL',
      'https://glanyrafon.example/sites/x',
      'SHAREPOINT_SITE_URL must be an https://*.sharepoint.com/sites/... URL',
    ],
    ['DEVELOPER_NAME', 'Glan-yr-Afon County Borough Council', 'DEVELOPER_NAME must be at most 32 characters'],
    ['PRIVACY_URL', 'http://www.glanyrafon.example/privacy', 'PRIVACY_URL must be an https:// URL'],
    ['APP_VERSION', '1.0', 'APP_VERSION must be MAJOR.MINOR.PATCH'],
  ])('%s=%s is refused', (key, value, message) => {
    const result = parsePackageEnv(exampleWith({ [key]: value }));
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([expect.stringContaining(message)]);
  });

  it('warns about a value it does not use', () => {
    const result = parsePackageEnv(`${example}\nAPP_IDD=x\n`);
    expect(result.warnings).toEqual(['APP_IDD is not a value the package uses (a typo?); it is ignored']);
  });

  it.each([
    ['register.glanyrafon.example', undefined],
    ['https://register.glanyrafon.example', 'HOST_NAME must be a host name without https://'],
    ['register.glanyrafon.example/tab', 'HOST_NAME must be a host name without a path (register.council.example)'],
    ['register.glanyrafon.example:8443', 'HOST_NAME must be a host name without a port'],
    ['Register.Glanyrafon.example', 'HOST_NAME must be lower case (Entra and Teams on Android expect it)'],
    ['localhost', 'HOST_NAME must be a host name such as register.council.example'],
    ['-bad.example', 'HOST_NAME must be a host name such as register.council.example'],
  ])('host name %s', (value, problem) => {
    expect(hostNameProblem(value)).toBe(problem);
  });

  it.each([
    ['https://glanyrafon.sharepoint.com/sites/register', true],
    ['https://glanyrafon.sharepoint.com/teams/governance', true],
    ['https://glanyrafon.sharepoint.com/', false],
    ['https://glanyrafon.sharepoint.com/sites/register?x=1', false],
    ['http://glanyrafon.sharepoint.com/sites/register', false],
    ['https://glanyrafon.sharepoint.com.evil.example/sites/register', false],
    ['not a url', false],
  ])('site URL %s accepted: %s', (value, ok) => {
    expect(siteUrlProblem(value) === undefined).toBe(ok);
  });
});
