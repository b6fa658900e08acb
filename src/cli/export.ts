/**
 * `npm run export -- --site <url> --format csv|json|xlsx --lang en|cy|both --out <file>`
 *
 * The compendium (seed 003): every collaboration with its partners, model,
 * scope, basis, lead, status, last review and outcome, headed in English,
 * Welsh or both. What it writes, the import reads back unchanged. Tokens as
 * `npm run import`.
 */
import { writeFileSync } from 'node:fs';
import type { Outcome } from '../domain/vocabulary';
import { createRepositories } from '../data/repositories';
import { createSp } from '../data/sp';
import { translate } from '../i18n';
import {
  compendiumCsv,
  compendiumJson,
  compendiumTable,
  compendiumXlsx,
  type ExportLanguage,
} from '../transfer/compendium';
import { argsOrUsage, oneOf, parseCli } from './args';

interface Args {
  site?: string;
  format: 'csv' | 'json' | 'xlsx';
  lang: ExportLanguage;
  out?: string;
  tokenEnv: string;
}

function parseArgs(argv: readonly string[]): Args {
  const v = parseCli(argv, {
    site: { type: 'string' },
    out: { type: 'string' },
    'token-env': { type: 'string', default: 'SP_TOKEN' },
    format: { type: 'string', default: 'csv' },
    lang: { type: 'string', default: 'both' },
  });
  return {
    ...(v.site !== undefined ? { site: v.site } : {}),
    ...(v.out !== undefined ? { out: v.out } : {}),
    tokenEnv: v['token-env'],
    format: oneOf('format', v.format, ['csv', 'json', 'xlsx'] as const) ?? 'csv',
    lang: oneOf('lang', v.lang, ['en', 'cy', 'both'] as const) ?? 'both',
  };
}

const USAGE = 'Usage: npm run export -- --site <site url> --format csv|json|xlsx --lang en|cy|both --out <file>';

async function main(): Promise<number> {
  const args = argsOrUsage(() => parseArgs(process.argv.slice(2)), USAGE, ['site', 'out']);
  if (!args) return 2;
  const site = new URL(args.site);
  const local = site.hostname === '127.0.0.1' || site.hostname === 'localhost';
  const token = local ? 'dev:governance' : process.env[args.tokenEnv];
  if (!token) {
    console.error(`No token: set ${args.tokenEnv} to a bearer token for ${site.origin}.`);
    return 2;
  }
  const repos = createRepositories(createSp({ siteUrl: args.site, getToken: () => Promise.resolve(token) }));
  const [records, partners, reviews] = await Promise.all([
    repos.collaborations.all({}),
    repos.partners.all(),
    repos.reviews.dueBetween('1900-01-01', '2999-12-31'),
  ]);
  if (!records.ok || !partners.ok) {
    console.error(
      `Could not read the register: ${!records.ok ? records.error.code : !partners.ok ? partners.error.code : ''}`,
    );
    return 1;
  }
  // The outcome of each collaboration's latest held review.
  const lastOutcomes = new Map<number, Outcome>();
  const heldOn = new Map<number, string>();
  if (reviews.ok)
    for (const r of reviews.value) {
      if (!r.outcome || !r.heldOn) continue;
      if ((heldOn.get(r.collaborationId) ?? '') <= r.heldOn) {
        heldOn.set(r.collaborationId, r.heldOn);
        lastOutcomes.set(r.collaborationId, r.outcome);
      }
    }
  const t = { en: (k: string) => translate('en-GB', k), cy: (k: string) => translate('cy-GB', k) };
  const table = compendiumTable({ records: records.value, partners: partners.value, lastOutcomes }, args.lang, t);
  const data =
    args.format === 'csv'
      ? compendiumCsv(table)
      : args.format === 'json'
        ? compendiumJson(table)
        : await compendiumXlsx(table, args.lang === 'cy' ? 'Compendiwm' : 'Compendium');
  writeFileSync(args.out, data);
  console.log(`${records.value.length} → ${args.out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
