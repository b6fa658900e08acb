/**
 * `npm run package` / `gulp package`: builds the Teams app package a Teams admin
 * uploads (Teams admin centre > Teams apps > Manage apps > Upload new app).
 *
 *   npm run package -- [--env manifest/.env] [--out dist/collaboration-register.zip]
 *
 * 1. Reads the council's values (`manifest/.env`; without it, `manifest/.env.example`,
 *    with a warning that the package then carries the example values).
 * 2. Fills `manifest/manifest.template.json` and the localization files.
 * 3. Validates the manifest, and each localization file, against the JSON schema its
 *    `$schema` names, OFFLINE: the schemas bundled with @microsoft/app-manifest; a schema
 *    that is not bundled is an error, never a download.
 * 4. Checks that the files the manifest names exist, that its URLs' hosts are in
 *    `validDomains`, and the icons' real pixels: color.png 192x192, outline.png 32x32
 *    and white on transparent.
 * 5. Writes the zip (fflate) with every file at its root, reads it back, and checks it.
 * Any problem stops it with exit code 1 and a message naming the problem (for schema
 * failures, the schema's own message).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { deflateSync, unzipSync, zipSync, type Zippable } from 'fflate';
import { readPackageEnv, type EnvIssue, type PackageEnv } from './package-env';
import { decodePng, type RgbaImage } from './png';
import { COLOUR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons';

export interface ZipEntry {
  /** Path inside the archive, `/`-separated; the package keeps every file at the root. */
  readonly name: string;
  readonly data: Uint8Array;
}

export type ZipReadResult =
  { ok: true; entries: ZipEntry[] } | { ok: false; error: { code: 'notZip'; detail: string } };

/** 1980-01-01 00:00, the earliest time a zip can hold, in local time as zips keep it: the same bytes each run. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** The package's zip (fflate): each file deflated, or stored when deflating would not make it smaller. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) {
    if (Object.prototype.hasOwnProperty.call(files, entry.name))
      throw new Error(`${entry.name} is in the archive twice`);
    const level = deflateSync(entry.data, { level: 9 }).length >= entry.data.length ? 0 : 9;
    files[entry.name] = [entry.data, { level }];
  }
  return zipSync(files, { mtime: ZIP_TIME });
}

/** The files of a zip, in the archive's order (fflate). */
export function readZip(bytes: Uint8Array): ZipReadResult {
  try {
    return { ok: true, entries: Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data })) };
  } catch (e) {
    return { ok: false, error: { code: 'notZip', detail: e instanceof Error ? e.message : String(e) } };
  }
}

/** What in a zip differs from the files written into it: names, order or bytes (an empty list when none). */
export function zipDifferences(zip: Uint8Array, entries: readonly ZipEntry[]): string[] {
  const back = readZip(zip);
  if (!back.ok) return [`the zip does not read back: ${back.error.detail}`];
  const names = back.entries.map((e) => e.name).join(', ');
  if (names !== entries.map((e) => e.name).join(', ')) return [`the zip holds ${names || 'nothing'}`];
  return entries
    .filter((e, i) => Buffer.compare(Buffer.from(e.data), Buffer.from(back.entries[i]?.data ?? [])) !== 0)
    .map((e) => `${e.name} does not read back as written`);
}

export const DEFAULT_ENV_FILE = 'manifest/.env';
export const EXAMPLE_ENV_FILE = 'manifest/.env.example';
export const DEFAULT_OUT = 'dist/collaboration-register.zip';
export const TEMPLATE_FILE = 'manifest.template.json';

export interface PackageProblem {
  readonly code: 'env' | 'template' | 'schema' | 'localization' | 'files' | 'icon' | 'zip';
  readonly message: string;
}

export type PackageResult =
  | { ok: true; out: string; manifest: Record<string, unknown>; entries: string[]; warnings: string[] }
  | { ok: false; problems: PackageProblem[]; warnings: string[] };

export interface PackageOptions {
  /** The dotenv file; default `manifest/.env`, falling back to the example. */
  readonly envFile?: string;
  /** Where the zip goes; default `dist/collaboration-register.zip`. */
  readonly out?: string;
  /** The folder with the template, localization files and icons; default `manifest`. */
  readonly manifestDir?: string;
  /** Changes the filled manifest before it is validated (tests break it on purpose). */
  readonly transform?: (manifest: Record<string, unknown>) => Record<string, unknown>;
}

type JsonObject = Record<string, unknown>;

const SCHEMA_HOST = 'https://developer.microsoft.com/json-schemas/';
const PLACEHOLDER = /\{\{([A-Z0-9_]+)\}\}/g;

/** Every value a template may use: the env values and a few derived from them. */
export function placeholderValues(env: PackageEnv): Record<string, string> {
  const site = new URL(env.SHAREPOINT_SITE_URL);
  return { ...env, SHAREPOINT_ORIGIN: site.origin, SHAREPOINT_HOST: site.hostname };
}

/** Replaces `{{NAME}}` in JSON text with the value, JSON-escaped; names no value exists for are reported. */
export function fillTemplate(
  text: string,
  values: Readonly<Record<string, string>>,
): { ok: true; text: string } | { ok: false; unknown: string[] } {
  const unknown = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return unknown.size > 0 ? { ok: false, unknown: [...unknown] } : { ok: true, text: filled };
}

/** The bundled copy of a schema a `$schema` URL names, or why there is none. */
export function bundledSchemaPath(schemaUrl: unknown): { ok: true; path: string } | { ok: false; message: string } {
  if (typeof schemaUrl !== 'string' || schemaUrl === '') return { ok: false, message: 'the file has no $schema' };
  let url: URL;
  try {
    url = new URL(schemaUrl);
  } catch {
    return { ok: false, message: `$schema ${schemaUrl} is not a URL` };
  }
  // developer.microsoft.com also serves localized copies: /en-us/json-schemas/...
  const path = url.pathname.replace(/^\/[a-z]{2}(-[a-z]{2})?(?=\/json-schemas\/)/i, '');
  const href = `${url.origin}${path}`;
  const buildDir = dirname(require.resolve('@microsoft/app-manifest'));
  const local = href.startsWith(SCHEMA_HOST) ? join(buildDir, 'json-schemas', href.slice(SCHEMA_HOST.length)) : '';
  if (!local || !existsSync(local)) {
    return {
      ok: false,
      message: `$schema ${schemaUrl} is not one of the schemas bundled with @microsoft/app-manifest (validation is offline)`,
    };
  }
  return { ok: true, path: local };
}

type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
type AppManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

/**
 * Escapes a `]` that closes no character class. Ajv compiles patterns with the `u`
 * flag, where a lone `]` is a syntax error, and the bundled localization schemas
 * (v1.19 onwards) have one in their `activities.activityTypes[...]` keys, so the
 * schema would not compile at all. The repaired pattern matches the same strings.
 */
export function repairPattern(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i]!;
      if (ch === '\\') {
        out += ch + (pattern[++i] ?? '');
        continue;
      }
      if (ch === '[') inClass = true;
      else if (ch === ']') {
        if (!inClass) {
          out += '\\]';
          continue;
        }
        inClass = false;
      }
      out += ch;
    }
    return out;
  }
}

function repairPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node as JsonObject)) {
    if (key === 'patternProperties' && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(
        Object.entries(value as JsonObject).map(([pattern, sub]) => [repairPattern(pattern), repairPatterns(sub)]),
      );
    } else if (key === 'pattern' && typeof value === 'string') out[key] = repairPattern(value);
    else out[key] = repairPatterns(value);
  }
  return out;
}

/**
 * Validates a manifest or localization file against its `$schema`, from the bundled
 * schemas only. Returns the schema's messages (`/name/short must NOT have more than 30
 * characters...`), empty when valid.
 */
export async function validateAgainstBundledSchema(document: JsonObject): Promise<string[]> {
  const found = bundledSchemaPath(document.$schema);
  if (!found.ok) return [found.message];
  // The package cleans the same two escapes when it loads a schema itself.
  const text = readFileSync(found.path, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = repairPatterns(JSON.parse(text)) as Schema;
  try {
    return await AppManifestUtils.validateAgainstSchema(document as unknown as AppManifest, schema);
  } catch (e) {
    return [`the schema ${String(document.$schema)} could not be used: ${(e as Error).message}`];
  }
}

export interface IconCheck {
  readonly width: number;
  readonly height: number;
  /** White (#FFFFFF, any opacity) on a fully transparent background. */
  readonly whiteOnTransparent?: boolean;
}

function hex(image: RgbaImage, p: number): string {
  return `#${[0, 1, 2].map((c) => image.data[p * 4 + c]!.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/**
 * Checks an icon's real pixels. For the outline icon every pixel must be either fully
 * transparent or white at any opacity (anti-aliased edges are white with partial
 * alpha); channels of 250 and above count as white, for tools that round.
 */
export function checkIcon(name: string, bytes: Uint8Array, want: IconCheck): string[] {
  const decoded = decodePng(bytes);
  if (!decoded.ok) return [`${name} cannot be read as a PNG: ${decoded.error.detail}`];
  const image = decoded.value;
  if (image.width !== want.width || image.height !== want.height) {
    return [`${name} must be ${want.width}x${want.height} pixels; it is ${image.width}x${image.height}`];
  }
  if (!want.whiteOnTransparent) return [];
  const problems: string[] = [];
  let coloured = 0;
  let firstColoured = -1;
  let transparent = 0;
  for (let p = 0; p < image.width * image.height; p++) {
    const [r, g, b, a] = [0, 1, 2, 3].map((c) => image.data[p * 4 + c]!) as [number, number, number, number];
    if (a === 0) transparent++;
    else if (r < 250 || g < 250 || b < 250) {
      coloured++;
      if (firstColoured < 0) firstColoured = p;
    }
  }
  if (coloured > 0) {
    const x = firstColoured % image.width;
    const y = Math.floor(firstColoured / image.width);
    problems.push(
      `${name} must be white (#FFFFFF) on a transparent background: ${coloured} visible pixels are not white ` +
        `(the first, at ${x},${y}, is ${hex(image, firstColoured)})`,
    );
  }
  if (transparent === 0) problems.push(`${name} must have a transparent background: no pixel is transparent`);
  if (transparent === image.width * image.height) problems.push(`${name} is empty: every pixel is transparent`);
  return problems;
}

function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Checks the schema cannot: named files present, URL hosts in validDomains, SSO resource on the tab's host. */
export function checkConsistency(manifest: JsonObject, env: PackageEnv, files: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const icons = (manifest.icons ?? {}) as JsonObject;
  const localization = (manifest.localizationInfo ?? {}) as JsonObject;
  const languages = (localization.additionalLanguages ?? []) as JsonObject[];
  const named = [
    icons.color,
    icons.outline,
    icons.color32x32,
    localization.defaultLanguageFile,
    ...languages.map((l) => l.file),
  ];
  for (const file of named) {
    if (typeof file === 'string' && !files.has(file))
      problems.push(`the manifest names ${file}, which is not in manifest/`);
  }
  const domains = new Set(((manifest.validDomains ?? []) as string[]).map((d) => d.toLowerCase()));
  const covered = (host: string) =>
    domains.has(host) || [...domains].some((d) => d.startsWith('*.') && host.endsWith(d.slice(1)));
  const tabs = [
    ...((manifest.configurableTabs ?? []) as JsonObject[]),
    ...((manifest.staticTabs ?? []) as JsonObject[]),
  ];
  for (const tab of tabs) {
    for (const field of ['configurationUrl', 'contentUrl', 'websiteUrl'] as const) {
      const host = hostOf(tab[field]);
      if (host && !covered(host))
        problems.push(`${field} ${String(tab[field])} is on ${host}, which is not in validDomains`);
    }
  }
  const sso = (manifest.webApplicationInfo ?? {}) as JsonObject;
  if (sso.resource !== undefined && sso.resource !== `api://${env.HOST_NAME}/${env.ENTRA_CLIENT_ID}`) {
    problems.push(`webApplicationInfo.resource must be api://${env.HOST_NAME}/${env.ENTRA_CLIENT_ID}`);
  }
  return problems;
}

/** The env file to use: the one asked for, else manifest/.env, else the example (with a warning). */
export function chooseEnvFile(requested: string | undefined, manifestDir: string): { path: string; warning?: string } {
  if (requested) return { path: resolve(requested) };
  const real = join(manifestDir, '.env');
  if (existsSync(real)) return { path: real };
  return {
    path: join(manifestDir, '.env.example'),
    warning:
      `${real} not found: packaging with the EXAMPLE values of manifest/.env.example. ` +
      'This package validates but will not work in a real tenancy; copy the example to manifest/.env and fill it in.',
  };
}

function readJson(path: string, text: string): { ok: true; value: JsonObject } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, message: `${path} is not a JSON object` };
    }
    return { ok: true, value: value as JsonObject };
  } catch (e) {
    return { ok: false, message: `${path} is not valid JSON: ${(e as Error).message}` };
  }
}

const envProblem = (issue: EnvIssue): PackageProblem => ({ code: 'env', message: issue.message });

/** The whole packaging run, in-process: returns problems instead of exiting. */
export async function buildPackage(options: PackageOptions = {}): Promise<PackageResult> {
  const manifestDir = resolve(options.manifestDir ?? 'manifest');
  const warnings: string[] = [];
  const fail = (problems: PackageProblem[]): PackageResult => ({ ok: false, problems, warnings });

  const envFile = chooseEnvFile(options.envFile, manifestDir);
  if (envFile.warning) warnings.push(envFile.warning);
  const env = readPackageEnv(envFile.path);
  warnings.push(...env.warnings);
  if (!env.ok) return fail(env.issues.map(envProblem));
  const values = placeholderValues(env.env);

  const templatePath = join(manifestDir, TEMPLATE_FILE);
  let templateText: string;
  try {
    templateText = readFileSync(templatePath, 'utf8');
  } catch {
    return fail([{ code: 'template', message: `cannot read ${templatePath}` }]);
  }
  const filled = fillTemplate(templateText, values);
  if (!filled.ok) {
    return fail(
      filled.unknown.map((name) => ({
        code: 'template',
        message: `${TEMPLATE_FILE} uses {{${name}}}, which has no value`,
      })),
    );
  }
  const parsed = readJson(TEMPLATE_FILE, filled.text);
  if (!parsed.ok) return fail([{ code: 'template', message: parsed.message }]);
  const manifest = options.transform ? options.transform(parsed.value) : parsed.value;

  const problems: PackageProblem[] = [];
  for (const message of await validateAgainstBundledSchema(manifest)) {
    problems.push({ code: 'schema', message: `manifest.json: ${message}` });
  }

  // The package's files: the manifest, every localization file it names, the two icons.
  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }];
  const localization = (manifest.localizationInfo ?? {}) as JsonObject;
  const languageFiles = ((localization.additionalLanguages ?? []) as JsonObject[])
    .map((l) => l.file)
    .concat(localization.defaultLanguageFile)
    .filter((f): f is string => typeof f === 'string');
  for (const file of languageFiles) {
    let text: string;
    try {
      text = readFileSync(join(manifestDir, file), 'utf8');
    } catch {
      continue; // reported by checkConsistency
    }
    const localized = fillTemplate(text, values);
    if (!localized.ok) {
      problems.push(
        ...localized.unknown.map((n) => ({
          code: 'template' as const,
          message: `${file} uses {{${n}}}, which has no value`,
        })),
      );
      continue;
    }
    const doc = readJson(file, localized.text);
    if (!doc.ok) {
      problems.push({ code: 'localization', message: doc.message });
      continue;
    }
    for (const message of await validateAgainstBundledSchema(doc.value)) {
      problems.push({ code: 'localization', message: `${file}: ${message}` });
    }
    const staticTabs = ((manifest.staticTabs ?? []) as unknown[]).length;
    for (const key of Object.keys(doc.value)) {
      const index = /^staticTabs\[(\d+)\]/.exec(key)?.[1];
      if (index !== undefined && Number(index) >= staticTabs) {
        problems.push({
          code: 'localization',
          message: `${file}: ${key} names a static tab the manifest does not have`,
        });
      }
    }
    entries.push({ name: file, data: Buffer.from(`${JSON.stringify(doc.value, null, 2)}\n`) });
  }

  const icons = (manifest.icons ?? {}) as JsonObject;
  const iconChecks: [unknown, IconCheck][] = [
    [icons.color, { width: COLOUR_ICON_SIZE, height: COLOUR_ICON_SIZE }],
    [icons.outline, { width: OUTLINE_ICON_SIZE, height: OUTLINE_ICON_SIZE, whiteOnTransparent: true }],
  ];
  for (const [file, want] of iconChecks) {
    if (typeof file !== 'string') continue; // the schema has said so
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(manifestDir, file));
    } catch {
      continue; // reported by checkConsistency
    }
    problems.push(...checkIcon(file, bytes, want).map((message) => ({ code: 'icon' as const, message })));
    entries.push({ name: file, data: bytes });
  }

  const present = new Set(entries.map((e) => e.name).filter((n) => n !== 'manifest.json'));
  problems.push(
    ...checkConsistency(manifest, env.env, present).map((message) => ({ code: 'files' as const, message })),
  );
  if (problems.length > 0) return fail(problems);

  const out = resolve(options.out ?? DEFAULT_OUT);
  const zip = writeZip(entries);
  const differences = zipDifferences(zip, entries);
  if (differences.length > 0) return fail(differences.map((message) => ({ code: 'zip' as const, message })));
  const back = readZip(zip);
  if (!back.ok) return fail([{ code: 'zip', message: `the zip does not read back: ${back.error.detail}` }]);
  const nested = back.entries.filter((e) => e.name.includes('/'));
  if (nested.length > 0)
    return fail([{ code: 'zip', message: `files must be at the zip's root: ${nested.map((e) => e.name).join(', ')}` }]);
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
  } catch (e) {
    return fail([{ code: 'zip', message: `cannot write ${out}: ${(e as Error).message}` }]);
  }
  return { ok: true, out, manifest, entries: back.entries.map((e) => e.name), warnings };
}

async function main(): Promise<number> {
  let args: { env?: string; out?: string };
  try {
    args = parseArgs({ options: { env: { type: 'string' }, out: { type: 'string' } }, allowPositionals: false }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\nusage: npm run package -- [--env manifest/.env] [--out ${DEFAULT_OUT}]`);
    return 2;
  }
  const result = await buildPackage({
    ...(args.env ? { envFile: args.env } : {}),
    ...(args.out ? { out: args.out } : {}),
  });
  for (const warning of result.warnings) console.warn(`warning: ${warning}`);
  if (!result.ok) {
    console.error(`The app package was NOT written. ${result.problems.length} problem(s):`);
    for (const p of result.problems) console.error(`  [${p.code}] ${p.message}`);
    return 1;
  }
  console.log(`wrote ${result.out}: ${result.entries.join(', ')}`);
  console.log(
    `manifest ${String(result.manifest.manifestVersion)}, app version ${String(result.manifest.version)}, valid against its schema`,
  );
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
