import { readFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  bundledSchemaPath,
  checkConsistency,
  fillTemplate,
  placeholderValues,
  repairPattern,
  validateAgainstBundledSchema,
} from '../../../src/cli/package';
import { parsePackageEnv, type PackageEnv } from '../../../src/cli/package-env';

const parsed = parsePackageEnv(readFileSync('manifest/.env.example', 'utf8'));
if (!parsed.ok) throw new Error('the example env must be valid');
const env: PackageEnv = parsed.env;
const template = readFileSync('manifest/manifest.template.json', 'utf8');

function filledManifest(): Record<string, unknown> {
  const filled = fillTemplate(template, placeholderValues(env));
  if (!filled.ok) throw new Error(`unknown placeholders ${filled.unknown.join(', ')}`);
  return JSON.parse(filled.text) as Record<string, unknown>;
}

describe('the manifest template', () => {
  it('is on the newest stable schema bundled with @microsoft/app-manifest', () => {
    const schemaDir = join(require.resolve('@microsoft/app-manifest'), '..', 'json-schemas', 'teams');
    const stable = readdirSync(schemaDir)
      .filter((v) => /^v\d+\.\d+$/.test(v))
      .map((v) => v.slice(1).split('.').map(Number) as [number, number])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .pop()!;
    const manifest = filledManifest();
    expect(manifest.manifestVersion).toBe(stable.join('.'));
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${stable.join('.')}/MicrosoftTeams.schema.json`,
    );
  });

  it('filled with the example values passes its schema and the cross-checks', async () => {
    const manifest = filledManifest();
    await expect(validateAgainstBundledSchema(manifest)).resolves.toEqual([]);
    expect(checkConsistency(manifest, env, new Set(['color.png', 'outline.png', 'cy-gb.json']))).toEqual([]);
  });

  it('has the tabs the tab code expects', () => {
    const manifest = filledManifest() as {
      configurableTabs: { configurationUrl: string; scopes: string[]; canUpdateConfiguration: boolean }[];
      staticTabs: { entityId: string; contentUrl: string; scopes: string[] }[];
      webApplicationInfo: {
        id: string;
        resource: string;
        nestedAppAuthInfo: { redirectUri: string; scopes: string[] }[];
      };
      validDomains: string[];
    };
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: 'https://register.glanyrafon.example/index.html#/config',
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
      }),
    ]);
    expect(manifest.staticTabs.map((t) => [t.entityId, t.contentUrl, t.scopes])).toEqual([
      ['home', 'https://register.glanyrafon.example/index.html#/home', ['personal']],
      ['register', 'https://register.glanyrafon.example/index.html#/register', ['personal']],
    ]);
    expect(manifest.validDomains).toEqual(['register.glanyrafon.example']);
    expect(manifest.webApplicationInfo).toEqual({
      id: env.ENTRA_CLIENT_ID,
      resource: `api://register.glanyrafon.example/${env.ENTRA_CLIENT_ID}`,
      nestedAppAuthInfo: [
        {
          redirectUri: 'brk-multihub://register.glanyrafon.example',
          scopes: ['https://glanyrafon.sharepoint.com/.default'],
        },
      ],
    });
  });

  it('a short name over 30 characters fails with the schema message', async () => {
    const manifest = filledManifest();
    manifest.name = { short: 'Collaboration and Partnership Register', full: 'x' };
    expect(await validateAgainstBundledSchema(manifest)).toEqual([
      expect.stringMatching(/^\/name\/short must NOT have more than 30 characters/),
    ]);
  });

  it('refuses a schema it has no copy of, rather than download it', async () => {
    expect(bundledSchemaPath('https://example.com/schema.json')).toMatchObject({ ok: false });
    expect(
      await validateAgainstBundledSchema({
        $schema: 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json',
      }),
    ).toEqual([expect.stringMatching(/is not one of the schemas bundled with @microsoft\/app-manifest/)]);
    expect(
      bundledSchemaPath('https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json'),
    ).toMatchObject({ ok: true });
  });

  it('names a placeholder that has no value', () => {
    expect(fillTemplate('{"a":"{{APP_ID}}","b":"{{NOPE}}"}', placeholderValues(env))).toEqual({
      ok: false,
      unknown: ['NOPE'],
    });
    expect(fillTemplate('{"a":"{{X}}"}', { X: 'say "hi"' })).toEqual({ ok: true, text: '{"a":"say \\"hi\\""}' });
  });

  it('finds URLs outside validDomains and a wrong SSO resource', () => {
    const manifest = filledManifest();
    manifest.validDomains = ['other.example'];
    manifest.webApplicationInfo = { id: env.ENTRA_CLIENT_ID, resource: 'api://other.example/x' };
    const problems = checkConsistency(manifest, env, new Set(['color.png']));
    expect(problems).toEqual(
      expect.arrayContaining([
        'the manifest names outline.png, which is not in manifest/',
        'the manifest names cy-gb.json, which is not in manifest/',
        'configurationUrl https://register.glanyrafon.example/index.html#/config is on register.glanyrafon.example, which is not in validDomains',
        `webApplicationInfo.resource must be api://register.glanyrafon.example/${env.ENTRA_CLIENT_ID}`,
      ]),
    );
  });
});

describe('the Welsh localization file', () => {
  const welsh = JSON.parse(readFileSync('manifest/cy-gb.json', 'utf8')) as Record<string, unknown>;

  it('passes the localization schema of the same version, with the Welsh name', async () => {
    expect(welsh.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json',
    );
    expect(welsh['name.short']).toBe('Cofrestr Cydweithio');
    await expect(validateAgainstBundledSchema(welsh)).resolves.toEqual([]);
  });

  it('a Welsh short description over 80 characters fails with the schema message', async () => {
    const broken = { ...welsh, 'description.short': 'd'.repeat(81), 'name.tull': 'typo' };
    const messages = await validateAgainstBundledSchema(broken);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/description\.short must NOT have more than 80 characters/),
        expect.stringMatching(/must NOT have additional properties.*name\.tull/),
      ]),
    );
  });

  it('the schema pattern ajv cannot compile is repaired to match the same keys', () => {
    const broken = '^activities.activityTypes\\[\\b([0-9]|[1-8][0-9])\\b]\\.description$';
    const repaired = repairPattern(broken);
    expect(() => new RegExp(broken, 'u')).toThrow();
    expect(new RegExp(repaired, 'u').test('activities.activityTypes[12].description')).toBe(true);
    expect(new RegExp(broken).test('activities.activityTypes[12].description')).toBe(true);
    expect(repairPattern('^[a-z]+$')).toBe('^[a-z]+$');
  });
});
