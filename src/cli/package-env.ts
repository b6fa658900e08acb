/**
 * The per-council values of the Teams app package (`manifest/.env`, see
 * `manifest/.env.example`): Node's dotenv reader (`util.parseEnv`) and one zod schema. Every problem
 * comes back as a coded value naming the value at fault ("APP_ID is missing",
 * "HOST_NAME must be a host name without https://"), all of them at once, so a
 * council fixes its file in one pass.
 */
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';

export const PACKAGE_ENV_KEYS = [
  'APP_ID',
  'HOST_NAME',
  'ENTRA_CLIENT_ID',
  'TENANT_ID',
  'SHAREPOINT_SITE_URL',
  'DEVELOPER_NAME',
  'DEVELOPER_WEBSITE_URL',
  'PRIVACY_URL',
  'TERMS_URL',
  'APP_VERSION',
] as const;

export type PackageEnvKey = (typeof PACKAGE_ENV_KEYS)[number];

export interface EnvIssue {
  /** `missing` and `malformed` name a value (`key`); `syntax` names a line; `unreadable` the file. */
  readonly code: 'missing' | 'malformed' | 'syntax' | 'unreadable';
  readonly key?: string;
  readonly line?: number;
  readonly message: string;
}

export type PackageEnv = Readonly<Record<PackageEnvKey, string>>;

export type PackageEnvResult =
  { ok: true; env: PackageEnv; warnings: string[] } | { ok: false; issues: EnvIssue[]; warnings: string[] };

export interface DotenvParse {
  readonly values: Record<string, string>;
  readonly issues: EnvIssue[];
}

const LINE = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;

/**
 * Reads `KEY=value` lines with Node's own dotenv reader (`util.parseEnv`):
 * `#` comments, blank lines, an optional `export `, values bare, in single
 * quotes (literal) or in double quotes (`\n` becomes a line break). A later
 * line wins over an earlier one. Each line is read on its own, so that a line
 * parseEnv would misread is named rather than taken short: a line that is not
 * `KEY=value`, a quote that is not closed (or text after it), and a bare value
 * with a `#` inside it (parseEnv ends the value there: quote such a value).
 */
export function parseDotenv(text: string): DotenvParse {
  const values: Record<string, string> = {};
  const issues: EnvIssue[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const m = LINE.exec(trimmed);
    const key = m?.[1];
    if (m === null || key === undefined) {
      issues.push({
        code: 'syntax',
        line,
        message: `line ${line}: expected KEY=value, found "${trimmed.slice(0, 40)}"`,
      });
      return;
    }
    const rest = (m[2] ?? '').trim();
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      const close = rest.indexOf(quote, 1);
      const after = close < 0 ? '' : rest.slice(close + 1).trim();
      if (close < 0 || (after !== '' && !after.startsWith('#'))) {
        issues.push({
          code: 'syntax',
          key,
          line,
          message: `line ${line}: ${key}'s quoted value is not closed properly`,
        });
        return;
      }
    } else if (/(^|[^\s])#/.test(rest)) {
      issues.push({
        code: 'syntax',
        key,
        line,
        message: `line ${line}: ${key}'s value has a # in it, which would end the value there: put the value in quotes`,
      });
      return;
    }
    const parsed = parseEnv(`${key}=${rest}`);
    values[key] = parsed[key] ?? '';
  });
  return { values, issues };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function guid(key: string) {
  return z.string().regex(GUID, `${key} must be a GUID such as 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f`);
}

function httpsUrl(key: string) {
  return z.string().refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'https:' && url.hostname !== '';
    } catch {
      return false;
    }
  }, `${key} must be an https:// URL`);
}

/** The first thing wrong with a HOST_NAME, or undefined when it is a bare, lower-case host name. */
export function hostNameProblem(value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'HOST_NAME must be a host name without https://';
  if (/[/?#]/.test(value)) return 'HOST_NAME must be a host name without a path (register.council.example)';
  if (value.includes(':')) return 'HOST_NAME must be a host name without a port';
  if (value !== value.toLowerCase()) return 'HOST_NAME must be lower case (Entra and Teams on Android expect it)';
  const labels = value.split('.');
  if (value.length > 253 || labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l))) {
    return 'HOST_NAME must be a host name such as register.council.example';
  }
  return undefined;
}

/** The first thing wrong with a SHAREPOINT_SITE_URL, or undefined when it names a site. */
export function siteUrlProblem(value: string): string | undefined {
  const message = 'SHAREPOINT_SITE_URL must be an https://*.sharepoint.com/sites/... URL';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return message;
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const ok =
    url.protocol === 'https:' &&
    /^[a-z0-9-]+\.sharepoint\.com$/i.test(url.hostname) &&
    url.port === '' &&
    url.search === '' &&
    url.hash === '' &&
    (segments[0] === 'sites' || segments[0] === 'teams') &&
    segments.length >= 2;
  return ok ? undefined : message;
}

const schema = z.object({
  APP_ID: guid('APP_ID'),
  HOST_NAME: z.string().superRefine((v, ctx) => {
    const problem = hostNameProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  ENTRA_CLIENT_ID: guid('ENTRA_CLIENT_ID'),
  TENANT_ID: guid('TENANT_ID'),
  SHAREPOINT_SITE_URL: z.string().superRefine((v, ctx) => {
    const problem = siteUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  DEVELOPER_NAME: z.string().max(32, "DEVELOPER_NAME must be at most 32 characters (Teams' limit)"),
  DEVELOPER_WEBSITE_URL: httpsUrl('DEVELOPER_WEBSITE_URL'),
  PRIVACY_URL: httpsUrl('PRIVACY_URL'),
  TERMS_URL: httpsUrl('TERMS_URL'),
  APP_VERSION: z.string().regex(SEMVER, 'APP_VERSION must be MAJOR.MINOR.PATCH, such as 1.0.0'),
});

/** Validates the values a dotenv file gave; a blank value counts as missing. */
export function validatePackageEnv(values: Readonly<Record<string, string | undefined>>): PackageEnvResult {
  const known = new Set<string>(PACKAGE_ENV_KEYS);
  const warnings = Object.keys(values)
    .filter((k) => !known.has(k))
    .map((k) => `${k} is not a value the package uses (a typo?); it is ignored`);
  const input: Record<string, string> = {};
  for (const key of PACKAGE_ENV_KEYS) {
    const value = values[key]?.trim();
    if (value) input[key] = key === 'SHAREPOINT_SITE_URL' ? value.replace(/\/+$/, '') : value;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, env: parsed.data, warnings };
  const issues: EnvIssue[] = [];
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (issues.some((i) => i.key === key)) continue;
    issues.push(
      input[key] === undefined
        ? { code: 'missing', key, message: `${key} is missing` }
        : { code: 'malformed', key, message: issue.message },
    );
  }
  // Report in the file's documented order, not zod's.
  const order = (k: string | undefined) => PACKAGE_ENV_KEYS.indexOf(k as PackageEnvKey);
  issues.sort((a, b) => order(a.key) - order(b.key));
  return { ok: false, issues, warnings };
}

/** Parses and validates dotenv text: syntax problems and value problems together. */
export function parsePackageEnv(text: string): PackageEnvResult {
  const { values, issues } = parseDotenv(text);
  const result = validatePackageEnv(values);
  if (issues.length === 0) return result;
  const valueIssues = result.ok ? [] : result.issues.filter((i) => !issues.some((s) => s.key === i.key));
  return { ok: false, issues: [...issues, ...valueIssues], warnings: result.warnings };
}

export function readPackageEnv(path: string): PackageEnvResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return {
      ok: false,
      issues: [
        { code: 'unreadable', message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` },
      ],
      warnings: [],
    };
  }
  return parsePackageEnv(text);
}
