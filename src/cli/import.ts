/**
 * `npm run import -- --site <url> --file <csv|xlsx|json> [--mapping <json>]
 *                   [--sheet <name>] [--skip-invalid] [--dry-run] [--lang en|cy]
 *                   [--accept-partner-suggestions]`
 *
 * Brings a council's own register in. The columns are matched to the
 * record's fields by name and synonym in English and Welsh (or by a mapping
 * file: `{"Their heading": "field", ...}`, `null` for "not imported"); every
 * problem is printed by row and column in the chosen language. Rows with
 * errors stop the import (nothing is written) unless `--skip-invalid`. Safe to
 * run again: rows already imported are found by their import key.
 *
 * A partner name close to a partner the register has ("Torfaen Council") is
 * listed with the partner it may be; it is added as a new partner unless
 * `--accept-partner-suggestions` says to use the suggested ones.
 *
 * Tokens: against the embedded list server (127.0.0.1 / localhost) it signs
 * in as the dev governance user; against SharePoint Online it takes a bearer
 * token from SP_TOKEN (or `--token-env NAME`). Exit 0 when done, 1 when rows
 * failed or were refused, 2 on bad arguments or an unreadable file.
 */
import { readFileSync } from 'node:fs';
import { createImportTarget } from '../data/import/target';
import { PeopleRepository } from '../data/repositories/people';
import { createSp } from '../data/sp';
import {
  IMPORT_FIELDS,
  importFieldLabelKey,
  importVocabulary,
  suggestMapping,
  type ColumnMapping,
  type ImportField,
  type ImportProblem,
} from '../domain/import';
import { CATALOGUES, translate, type Locale } from '../i18n';
import { acceptSuggestions, registerImport } from '../app/importRegister';
import { readTable } from '../transfer/table';
import { argsOrUsage, oneOf, parseCli } from './args';

interface Args {
  site?: string;
  file?: string;
  mapping?: string;
  sheet?: string;
  dryRun: boolean;
  skipInvalid: boolean;
  lang: 'en' | 'cy';
  tokenEnv: string;
  council?: string;
  acceptPartnerSuggestions: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const v = parseCli(argv, {
    site: { type: 'string' },
    file: { type: 'string' },
    mapping: { type: 'string' },
    sheet: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'skip-invalid': { type: 'boolean', default: false },
    'token-env': { type: 'string', default: 'SP_TOKEN' },
    council: { type: 'string' },
    lang: { type: 'string', default: 'en' },
    'accept-partner-suggestions': { type: 'boolean', default: false },
  });
  return {
    ...(v.site !== undefined ? { site: v.site } : {}),
    ...(v.file !== undefined ? { file: v.file } : {}),
    ...(v.mapping !== undefined ? { mapping: v.mapping } : {}),
    ...(v.sheet !== undefined ? { sheet: v.sheet } : {}),
    ...(v.council !== undefined ? { council: v.council } : {}),
    dryRun: v['dry-run'],
    skipInvalid: v['skip-invalid'],
    tokenEnv: v['token-env'],
    lang: oneOf('lang', v.lang, ['en', 'cy'] as const) ?? 'en',
    acceptPartnerSuggestions: v['accept-partner-suggestions'],
  };
}

const USAGE =
  'Usage: npm run import -- --site <site url> --file <register.csv|.xlsx|.json> [--mapping <mapping.json>] [--sheet <name>] [--skip-invalid] [--dry-run] [--lang en|cy] [--accept-partner-suggestions]';

function isLocal(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/** A mapping file: heading → field (or null). Headings not named keep the suggestion. */
function applyMappingFile(headers: readonly string[], suggested: ColumnMapping, file: string): ColumnMapping {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return headers.map((h, i) => {
    if (!(h in json)) return suggested[i] ?? null;
    const f = json[h];
    if (f === null) return null;
    if (typeof f !== 'string' || !(IMPORT_FIELDS as readonly string[]).includes(f))
      throw new Error(`mapping: "${h}" → ${JSON.stringify(f)} is not one of ${IMPORT_FIELDS.join(', ')}`);
    return f as ImportField;
  });
}

async function main(): Promise<number> {
  const args = argsOrUsage(() => parseArgs(process.argv.slice(2)), USAGE, ['site', 'file']);
  if (!args) return 2;
  const locale: Locale = args.lang === 'cy' ? 'cy-GB' : 'en-GB';
  const t = (key: string, params?: Readonly<Record<string, string | number>>) => translate(locale, key, params);
  const site = new URL(args.site);
  let getToken: () => Promise<string>;
  if (isLocal(site)) getToken = () => Promise.resolve('dev:governance');
  else {
    const token = process.env[args.tokenEnv];
    if (!token) {
      console.error(`No token: set ${args.tokenEnv} to a bearer token for ${site.origin}.`);
      return 2;
    }
    getToken = () => Promise.resolve(token);
  }
  let requests = 0;
  const counting: typeof fetch = (input, init) => {
    requests++;
    return fetch(input, init);
  };
  const sp = createSp({ siteUrl: args.site, getToken, fetch: counting });

  const table = await readTable(new Uint8Array(readFileSync(args.file)), {
    ...(args.sheet ? { sheet: args.sheet } : {}),
    name: args.file,
  });
  if (!table.ok) {
    console.error(t(`errors.${table.error.code}`, 'params' in table.error ? table.error.params : {}));
    return 2;
  }
  const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
  let mapping = suggestMapping(table.value.headers, vocabulary);
  if (args.mapping) mapping = applyMappingFile(table.value.headers, mapping, args.mapping);
  if (table.value.sheets.length > 1)
    console.log(`${t('transfer.import.sheet')}: ${table.value.sheet ?? ''} (${table.value.sheets.join(', ')})`);
  console.log(t('transfer.import.mappingHeading'));
  table.value.headers.forEach((h, i) => {
    const f = mapping[i];
    console.log(`  ${h || `#${i + 1}`} → ${f ? t(importFieldLabelKey(f)) : t('transfer.import.notImported')}`);
  });
  if (mapping.every((m) => m === null)) {
    console.error(t('errors.fileNoColumns'));
    return 2;
  }

  /** A failure said plainly: an unreachable site at once, anything else by its code (never raw JSON). */
  const failure = (e: { readonly code: string; readonly error?: { readonly code: string } }): string => {
    const code = e.error?.code ?? e.code;
    return code === 'network'
      ? t('transfer.import.unreachable', { site: args.site ?? '' })
      : t('transfer.import.stopped', { code });
  };
  const base = { rows: table.value.rows, mapping, vocabulary, ...(args.council ? { councilName: args.council } : {}) };
  const importer = registerImport({ target: createImportTarget(sp), people: new PeopleRepository(sp) });
  let preview = await importer.preview(base);
  if (!preview.ok) {
    console.error(failure(preview.error));
    return 1;
  }

  // Partner names close to a partner the register has: listed, and used only when the person says so.
  let partnerChoices: ReadonlyMap<string, number> | undefined;
  if (preview.value.partnerSuggestions.length > 0) {
    console.log(t('transfer.partnerChoice.cliHeading'));
    for (const s of preview.value.partnerSuggestions)
      console.log(`  ${t('transfer.partnerChoice.cliLine', { name: s.name, partner: s.suggestion.name })}`);
    if (args.acceptPartnerSuggestions) {
      console.log(t('transfer.partnerChoice.cliAccepted'));
      partnerChoices = acceptSuggestions(preview.value);
      preview = await importer.preview({ ...base, partnerChoices });
      if (!preview.ok) {
        console.error(failure(preview.error));
        return 1;
      }
    } else console.log(t('transfer.partnerChoice.cliHint'));
  }
  const describe = (p: ImportProblem) =>
    `  ${t('transfer.preview.row')} ${p.row}, ${p.column !== null ? (table.value.headers[p.column] ?? `#${p.column + 1}`) : '-'}: ${t(`errors.${p.code}`, p.params ?? {})}${p.severity === 'warning' ? ` (${t('transfer.preview.warning')})` : ''}`;
  const problems = preview.value.plan.flatMap((e) => e.problems);
  if (problems.length > 0) {
    console.log(t('transfer.preview.problems', { count: problems.length }));
    for (const p of problems.slice(0, 200)) console.log(describe(p));
    if (problems.length > 200) console.log(`  … ${problems.length - 200}`);
  }
  const blocked = preview.value.plan.filter((e) => e.action === 'blocked').map((e) => e.row);
  const s = preview.value.summary;
  console.log(
    t('transfer.preview.plan', {
      create: s.create,
      update: s.update,
      unchanged: s.unchanged,
      skip: s.skip,
      blocked: s.blocked,
    }),
  );
  if (preview.value.newPartners.length > 0)
    console.log(t('transfer.preview.newPartners', { names: preview.value.newPartners.join('; ') }));
  if (args.dryRun) {
    console.log(t('transfer.import.dryRun'));
    return blocked.length > 0 ? 1 : 0;
  }
  if (blocked.length > 0 && !args.skipInvalid) {
    console.error(t('transfer.import.refused', { count: blocked.length }));
    return 1;
  }
  const start = performance.now();
  const result = await importer.run(
    { ...base, skip: new Set(blocked), ...(partnerChoices ? { partnerChoices } : {}) },
    {
      onProgress: (p) => process.stdout.write(`\r${t('transfer.import.progress', { done: p.done, total: p.total })}`),
    },
  );
  process.stdout.write('\n');
  if (!result.ok) {
    console.error(failure(result.error));
    return 1;
  }
  const r = result.value;
  console.log(
    t('transfer.summary.text', {
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      skipped: r.skipped,
      failed: r.failed,
    }),
  );
  for (const f of r.failures) console.log(`  ${t('transfer.preview.row')} ${f.row}: ${f.code}`);
  console.log(`requests: ${requests}, ms: ${Math.round(performance.now() - start)}`);
  return r.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
