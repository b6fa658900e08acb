/**
 * The per-council values of the Teams app package (`manifest/.env`, see
 * `manifest/.env.example`): a tiny dotenv reader and one zod schema. Every problem
 * comes back as a coded value naming the value at fault ("APP_ID is missing",
 * "HOST_NAME must be a host name without https://"), all of them at once, so a
 * council fixes its file in one pass.
 */
import { readFileSync } from 'node:fs';
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

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads `KEY=value` lines: `#` comments, blank lines, an optional `export `, values
 * bare (an inline ` # comment` is dropped), in single quotes (literal) or in double
 * quotes (`\n`, `\"` and `\\` escapes). A later line wins over an earlier one.
 */
export function parseDotenv(text: string): DotenvParse {
  const values: Record<string, string> = {};
  const issues: EnvIssue[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const body = trimmed.replace(/^export\s+/, '');
    const eq = body.indexOf('=');
    const key = eq < 0 ? body : body.slice(0, eq).trim();
    if (eq < 0 || !KEY.test(key)) {
      issues.push({
        code: 'syntax',
        line,
        message: `line ${line}: expected KEY=value, found "${trimmed.slice(0, 40)}"`,
      });
      return;
    }
    const rest = body.slice(eq + 1).trimStart();
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      let value = '';
      let i = 1;
      for (; i < rest.length && rest[i] !== quote; i++) {
        const ch = rest[i]!;
        if (quote === '"' && ch === '\\' && i + 1 < rest.length) {
          const next = rest[++i]!;
          value += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next;
        } else value += ch;
      }
      const after = rest.slice(i + 1).trim();
      if (i >= rest.length || (after !== '' && !after.startsWith('#'))) {
        issues.push({
          code: 'syntax',
          key,
          line,
          message: `line ${line}: ${key}'s quoted value is not closed properly`,
        });
        return;
      }
      values[key] = value;
    } else {
      values[key] = rest.replace(/\s+#.*$/, '').trim();
    }
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
