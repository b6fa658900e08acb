/**
 * `npm run template`: writes the PnP provisioning template
 * (sharepoint/collaboration-register.xml), the column formatting JSON
 * (sharepoint/formatting/*.json) and a copy of the PnP schema with its
 * licence (sharepoint/schemas/), all from src/data/schema. `--check` writes
 * nothing and exits 1 when a committed file is stale.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTemplate, formattingFiles, TEMPLATE_PATH } from '../data/template';
import { parseCli } from './args';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let check = false;
try {
  check = parseCli(process.argv.slice(2), { check: { type: 'boolean', default: false } }).check;
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}\nUsage: npm run template [-- --check]`);
  process.exit(2);
}

const outputs: [string, string][] = [
  [TEMPLATE_PATH, buildTemplate()],
  ...Object.entries(formattingFiles()).map(([name, text]): [string, string] => [`sharepoint/formatting/${name}`, text]),
];

let stale = 0;
for (const [path, text] of outputs) {
  const full = join(root, path);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  if (current === text) {
    console.log(`${path}: up to date`);
    continue;
  }
  if (check) {
    console.log(`${path}: STALE (run npm run template)`);
    stale++;
    continue;
  }
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text, 'utf8');
  console.log(`${path}: written`);
}

// The PnP schema the template validates against, MIT licensed: the licence travels with it.
const schemaSource = resolve(root, '../shared/schemas');
for (const name of ['ProvisioningSchema-2022-09.xsd', 'LICENSE-PnP-Provisioning-Schema']) {
  const target = join(root, 'sharepoint/schemas', name);
  if (existsSync(target) || check) continue;
  const source = join(schemaSource, name);
  if (!existsSync(source)) {
    console.log(`sharepoint/schemas/${name}: missing (copy it from the PnP provisioning schema repository)`);
    continue;
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  console.log(`sharepoint/schemas/${name}: copied`);
}

if (stale > 0) process.exit(1);
