import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate, formattingFiles, TEMPLATE_PATH } from '../../../src/data/template';

const root = join(__dirname, '../../..');
const template = join(root, TEMPLATE_PATH);
const xsd = join(root, 'sharepoint/schemas/ProvisioningSchema-2022-09.xsd');

function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

describe('sharepoint/collaboration-register.xml', () => {
  it('is what the schema generates today (run `npm run template` when this fails)', () => {
    const committed = existsSync(template) ? readFileSync(template, 'utf8') : '';
    if (committed !== buildTemplate()) {
      throw new Error(
        `${TEMPLATE_PATH} is stale: the list schema changed. Run \`npm run template\` and commit the result.`,
      );
    }
    for (const [name, text] of Object.entries(formattingFiles())) {
      const path = join(root, 'sharepoint/formatting', name);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
        throw new Error(`sharepoint/formatting/${name} is stale. Run \`npm run template\` and commit the result.`);
      }
    }
  });

  it('carries the PnP schema and its licence', () => {
    expect(existsSync(xsd)).toBe(true);
    expect(existsSync(join(root, 'sharepoint/schemas/LICENSE-PnP-Provisioning-Schema'))).toBe(true);
  });

  it('validates against the PnP provisioning schema 2022-09 (xmllint)', () => {
    if (!hasXmllint()) {
      // In CI a missing validator is a failure, never a silent pass.
      if (process.env['CI'] === 'true') throw new Error('xmllint is missing: apt-get install -y libxml2-utils');
      console.warn('xmllint not installed: schema validation skipped (apt-get install -y libxml2-utils)');
      return;
    }
    const out = execFileSync('xmllint', ['--noout', '--schema', xsd, template], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('');
  });
});
