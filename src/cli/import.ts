/**
 * `npm run import -- --site <url> --file <csv|xlsx|json> [--mapping <json>]
 *                   [--sheet <name>] [--header-row <n>] [--set <field>=<value>]... [--skip-invalid] [--dry-run]
 *                   [--lang en|cy] [--accept-partner-suggestions]`
 *
 * Brings a council's own register in. The columns are matched to the
 * record's fields by name and synonym in English and Welsh (or by a mapping
 * file: `{"Their heading": "field", ...}`, `null` for "not imported"). The
 * headings are found below any title and notes rows (or read from
 * `--header-row`, the row number the spreadsheet shows). Every problem is
 * printed by row and column in the chosen language; past 200, the first 200
 * are printed and all of them written to `<file>.problems.csv`. Rows with
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
import { readFileSync, writeFileSync } from 'node:fs';
import { createImportTarget } from '../data/import/target';
import { ChannelMappingRepository } from '../data/repositories/channelMappings';
import { PeopleRepository } from '../data/repositories/people';
import { createSp } from '../data/sp';
import {
  CHOICE_FIELDS,
  fold,
  IMPORT_FIELDS,
  importFieldLabelKey,
  importVocabulary,
  suggestMapping,
  suggestValueMapping,
  withSuggestions,
  type AbsentField,
  type ColumnMapping,
  type ColumnValues,
  type FillValues,
  type ImportField,
  type ImportProblem,
  type ValueMapping,
} from '../domain/import';
import { mappedDirectorates } from '../domain/panels';
import { CATALOGUES, translate, type Locale } from '../i18n';
import { acceptSuggestions, registerImport } from '../app/importRegister';
import {
  allowedChoices,
  choiceLabel,
  problemMessage,
  problemText,
  unreadableText,
  type Translate,
} from '../transfer/problems';
import { writeCsv } from '../transfer/csv';
import { readTable } from '../transfer/table';
import { argsOrUsage, oneOf, parseCli } from './args';

interface Args {
  site?: string;
  file?: string;
  mapping?: string;
  sheet?: string;
  /** The row of headings as the spreadsheet numbers it; found when not given. */
  headerRow?: string;
  dryRun: boolean;
  skipInvalid: boolean;
  lang: 'en' | 'cy';
  tokenEnv: string;
  council?: string;
  /** `--set field=value`: a value for every row of a field the file has no column for. */
  set: readonly string[];
  acceptPartnerSuggestions: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const v = parseCli(argv, {
    site: { type: 'string' },
    file: { type: 'string' },
    mapping: { type: 'string' },
    sheet: { type: 'string' },
    'header-row': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'skip-invalid': { type: 'boolean', default: false },
    'token-env': { type: 'string', default: 'SP_TOKEN' },
    council: { type: 'string' },
    lang: { type: 'string', default: 'en' },
    set: { type: 'string', multiple: true, default: [] },
    'accept-partner-suggestions': { type: 'boolean', default: false },
  });
  return {
    ...(v.site !== undefined ? { site: v.site } : {}),
    ...(v.file !== undefined ? { file: v.file } : {}),
    ...(v.mapping !== undefined ? { mapping: v.mapping } : {}),
    ...(v.sheet !== undefined ? { sheet: v.sheet } : {}),
    ...(v['header-row'] !== undefined ? { headerRow: v['header-row'] } : {}),
    ...(v.council !== undefined ? { council: v.council } : {}),
    dryRun: v['dry-run'],
    skipInvalid: v['skip-invalid'],
    tokenEnv: v['token-env'],
    lang: oneOf('lang', v.lang, ['en', 'cy'] as const) ?? 'en',
    set: v.set,
    acceptPartnerSuggestions: v['accept-partner-suggestions'],
  };
}

const USAGE =
  'Usage: npm run import -- --site <site url> --file <register.csv|.xlsx|.json> [--mapping <mapping.json>] [--sheet <name>] [--header-row <n>] [--set <field>=<value>]... [--skip-invalid] [--dry-run] [--lang en|cy] [--accept-partner-suggestions]';

/** How many problems are printed; past this, the full list goes to a CSV file beside the input. */
const PRINTED_PROBLEMS = 200;

function isLocal(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/**
 * A mapping file: heading → field (or null); headings not named keep the suggestion. Under
 * "$values", what a file's own words mean for a choice field: {"basis": {"Yes": "statutory"}}.
 */
function applyMappingFile(
  headers: readonly string[],
  suggested: ColumnMapping,
  file: string,
): { mapping: ColumnMapping; values: ValueMapping } {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const mapping = headers.map((h, i) => {
    if (!(h in json)) return suggested[i] ?? null;
    const f = json[h];
    if (f === null) return null;
    if (typeof f !== 'string' || !(IMPORT_FIELDS as readonly string[]).includes(f))
      throw new Error(`mapping: "${h}" → ${JSON.stringify(f)} is not one of ${IMPORT_FIELDS.join(', ')}`);
    return f as ImportField;
  });
  const values: Record<string, Record<string, string>> = {};
  const given = json['$values'];
  if (given !== undefined) {
    if (given === null || typeof given !== 'object') throw new Error('mapping: "$values" must be an object');
    for (const [field, words] of Object.entries(given as Record<string, unknown>)) {
      const set = (CHOICE_FIELDS as Readonly<Record<string, readonly [string, readonly string[]] | undefined>>)[field];
      if (!set) throw new Error(`mapping: "$values" names ${JSON.stringify(field)}, which is not a field of choices`);
      if (words === null || typeof words !== 'object')
        throw new Error(`mapping: "$values"."${field}" must be an object`);
      values[field] = {};
      for (const [word, code] of Object.entries(words as Record<string, unknown>)) {
        if (typeof code !== 'string' || !set[1].includes(code))
          throw new Error(`mapping: "$values"."${field}"."${word}" must be one of ${set[1].join(', ')}`);
        values[field][fold(word)] = code;
      }
    }
  }
  return { mapping, values: values };
}

/** `--set field=value` pairs: a value for every row, for fields the file has no column for. */
function fillOf(pairs: readonly string[]): FillValues {
  const out: Partial<Record<ImportField, string>> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const field = (at > 0 ? pair.slice(0, at) : pair).trim();
    if (at <= 0 || !(IMPORT_FIELDS as readonly string[]).includes(field))
      throw new Error(`--set ${pair}: write --set <field>=<value> with a field of ${IMPORT_FIELDS.join(', ')}`);
    out[field as ImportField] = pair.slice(at + 1).trim();
  }
  return out;
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

  if (args.headerRow !== undefined && !/^\s*[1-9]\d*\s*$/.test(args.headerRow)) {
    console.error(t('transfer.headerRow.invalid'));
    console.error(USAGE);
    return 2;
  }
  const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
  const table = await readTable(new Uint8Array(readFileSync(args.file)), {
    ...(args.sheet ? { sheet: args.sheet } : {}),
    ...(args.headerRow !== undefined ? { headerRow: Number(args.headerRow) } : {}),
    name: args.file,
    vocabulary,
  });
  if (!table.ok) {
    console.error(t(`errors.${table.error.code}`, 'params' in table.error ? table.error.params : {}));
    return 2;
  }
  let mapping = suggestMapping(table.value.headers, vocabulary);
  let mine: ValueMapping = {};
  if (args.mapping) ({ mapping, values: mine } = applyMappingFile(table.value.headers, mapping, args.mapping));
  const fill = fillOf(args.set);
  // Meanings suggested by a heading ("Statutory?": Yes → Statutory) apply, and are printed below.
  const suggestedValues = suggestValueMapping(table.value.headers, table.value.rows, mapping, vocabulary);
  const values = withSuggestions(mine, suggestedValues);
  if (table.value.sheets.length > 1)
    console.log(`${t('transfer.import.sheet')}: ${table.value.sheet ?? ''} (${table.value.sheets.join(', ')})`);
  console.log(t('transfer.headerRow.found', { row: table.value.headerRow }));
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
  // The council's directorates, so a Welsh directorate name in the file is kept as the English one.
  const mappings = await new ChannelMappingRepository(sp).all();
  if (!mappings.ok) {
    console.error(failure({ code: 'store', error: mappings.error }));
    return 1;
  }
  const base = {
    rows: table.value.rows,
    mapping,
    directorates: mappedDirectorates(mappings.value),
    vocabulary,
    values,
    fill,
    ...(args.council ? { councilName: args.council } : {}),
    ...(table.value.singleByte ? { singleByte: true } : {}),
  };
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
  if (preview.value.unreadable.length > 0) console.log(unreadableText(t, preview.value.unreadable));
  printMeanings(t, table.value.headers, preview.value.columnValues, mine);
  printAbsent(t, preview.value.absent);
  const describe = (p: ImportProblem) =>
    `  ${t('transfer.preview.row')} ${p.row}, ${problemText(t, table.value.headers, p)}${p.severity === 'warning' ? ` (${t('transfer.preview.warning')})` : ''}`;
  const problems = preview.value.plan.flatMap((e) => e.problems);
  if (problems.length > 0) {
    console.log(t('transfer.preview.problems', { count: problems.length }));
    for (const p of problems.slice(0, PRINTED_PROBLEMS)) console.log(describe(p));
    if (problems.length > PRINTED_PROBLEMS) {
      // Every problem is promised: past what a terminal shows usefully, all of them go to a file beside the input.
      const listFile = `${args.file}.problems.csv`;
      // A field as the person knows it: the import's label, else the catalogue's (validation names those), else its key.
      const fields = (CATALOGUES[locale] as { fields?: Record<string, unknown> }).fields ?? {};
      const fieldLabel = (field: string) =>
        (IMPORT_FIELDS as readonly string[]).includes(field)
          ? t(importFieldLabelKey(field as ImportField))
          : typeof fields[field] === 'string'
            ? t(`fields.${field}`)
            : field;
      const csv = writeCsv([
        ['row', 'column', 'field', 'severity', 'message'].map((k) => t(`transfer.problemList.${k}`)),
        ...problems.map((p) => [
          p.row,
          p.column !== null ? (table.value.headers[p.column] ?? `#${p.column + 1}`) : '-',
          fieldLabel(p.field),
          t(`transfer.problemList.${p.severity}`),
          problemMessage(t, p),
        ]),
      ]);
      try {
        writeFileSync(listFile, csv, 'utf8');
        console.log(
          t('transfer.problemList.firstShown', { shown: PRINTED_PROBLEMS, total: problems.length, file: listFile }),
        );
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        console.error(t('transfer.problemList.notWritten', { file: listFile, reason }));
      }
    }
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
  if (r.historyNotWritten > 0) console.log(t('transfer.summary.historyNotWritten', { count: r.historyNotWritten }));
  console.log(`requests: ${requests}, ms: ${Math.round(performance.now() - start)}`);
  return r.failed > 0 ? 1 : 0;
}

/** The values of choice columns the register does not know, and the meanings suggested for some. */
function printMeanings(t: Translate, headers: readonly string[], found: readonly ColumnValues[], mine: ValueMapping) {
  const lines: string[] = [];
  for (const c of found) {
    const column = headers[c.column] || `#${c.column + 1}`;
    const field = t(importFieldLabelKey(c.field));
    for (const v of c.values) {
      if (v.code === undefined)
        lines.push(
          t('transfer.meanings.cliRefused', {
            column,
            value: v.text,
            rows: v.rows,
            field,
            options: allowedChoices(t, c.field) ?? '',
          }),
        );
      else if (v.mapped && mine[c.field]?.[fold(v.text)] === undefined)
        lines.push(
          t('transfer.meanings.cliSuggested', {
            column,
            value: v.text,
            rows: v.rows,
            choice: choiceLabel(t, c.field, v.code),
          }),
        );
    }
  }
  if (lines.length === 0) return;
  console.log(t('transfer.meanings.cliHeading'));
  for (const l of lines) console.log(l);
  console.log(t('transfer.meanings.cliHint'));
}

/** The fields no column gives, with the value every new record gets: never silent. */
function printAbsent(t: Translate, absent: readonly AbsentField[]) {
  if (absent.length === 0) return;
  console.log(t('transfer.absent.cliHeading'));
  for (const a of absent) {
    const field = t(importFieldLabelKey(a.field));
    console.log(
      a.value === undefined
        ? t('transfer.absent.cliNone', { field })
        : t('transfer.absent.cliValue', { field, value: choiceLabel(t, a.field, a.value) }),
    );
  }
  console.log(t('transfer.absent.cliHint'));
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
