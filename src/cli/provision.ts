/**
 * `npm run provision -- --site <url> [--dry-run] [--token-env NAME]
 *                      [--device-code --tenant <id> --client-id <id>] [--members <file.csv>]`
 *
 * Creates or updates the register's lists in an existing SharePoint site (see
 * src/data/provisioning). Safe to run again: a second run changes nothing and
 * says so. Exit code 0 when every step succeeded, 1 when one failed, 2 on bad
 * arguments or no token.
 *
 * Tokens: against SharePoint Online, a bearer token for
 * `https://<tenant>.sharepoint.com` from an environment variable (default
 * SP_TOKEN), or a device-code sign-in (MSAL public client: a person opens the
 * link shown and signs in; the app registration needs delegated SharePoint
 * AllSites.FullControl or Sites.FullControl.All). Against the embedded list
 * server (127.0.0.1 / localhost) it signs in as the dev governance user.
 *
 * `--members <file.csv>` then adds people to the register's groups (they are created empty): a
 * CSV with the columns `group` (officers, panel, governance, a panel's key such as panel-cgrp, or a
 * group's title) and `person` (an e-mail address or login). Someone already in a group is left
 * alone; someone SharePoint cannot find is reported by row, and exit code 1 says so.
 */
import { PublicClientApplication } from '@azure/msal-node';
import { readFileSync } from 'node:fs';
import { addGroupMembers, memberRows, provision } from '../data/provisioning';
import { createSp } from '../data/sp';
import { decodeText } from '../transfer/bytes';
import { parseCsv } from '../transfer/csv';
import { parseCli } from './args';

interface Args {
  site?: string;
  dryRun: boolean;
  tokenEnv: string;
  deviceCode: boolean;
  tenant?: string;
  clientId?: string;
  members?: string;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const v = parseCli(argv, {
    site: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'token-env': { type: 'string', default: 'SP_TOKEN' },
    'device-code': { type: 'boolean', default: false },
    tenant: { type: 'string' },
    'client-id': { type: 'string' },
    members: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  return {
    ...(v.site !== undefined ? { site: v.site } : {}),
    ...(v.tenant !== undefined ? { tenant: v.tenant } : {}),
    ...(v['client-id'] !== undefined ? { clientId: v['client-id'] } : {}),
    ...(v.members !== undefined ? { members: v.members } : {}),
    dryRun: v['dry-run'],
    tokenEnv: v['token-env'],
    deviceCode: v['device-code'],
    help: v.help,
  };
}

const USAGE = `Usage: npm run provision -- --site <site url> [--dry-run] [--token-env NAME]
                              [--device-code --tenant <tenant id> --client-id <app id>]
                              [--members <file.csv with columns group,person>]`;

export function isLocalSite(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

async function tokenProvider(site: URL, args: Args): Promise<() => Promise<string>> {
  if (isLocalSite(site)) return () => Promise.resolve('dev:governance');
  const fromEnv = process.env[args.tokenEnv];
  if (!args.deviceCode) {
    if (!fromEnv)
      throw new Error(`No token: set ${args.tokenEnv} to a bearer token for ${site.origin}, or use --device-code.`);
    return () => Promise.resolve(fromEnv);
  }
  if (!args.tenant || !args.clientId)
    throw new Error('--device-code needs --tenant <tenant id> and --client-id <app id>.');
  const app = new PublicClientApplication({
    auth: { clientId: args.clientId, authority: `https://login.microsoftonline.com/${args.tenant}` },
  });
  const scopes = [`${site.origin}/.default`];
  const first = await app.acquireTokenByDeviceCode({
    scopes,
    deviceCodeCallback: (response) => console.log(response.message),
  });
  if (!first) throw new Error('Sign-in did not return a token.');
  let current = first;
  return async () => {
    // Renew silently from MSAL's cache when the token is within five minutes of expiry.
    if (current.expiresOn && current.expiresOn.getTime() - Date.now() < 5 * 60_000 && current.account) {
      current = await app.acquireTokenSilent({ scopes, account: current.account });
    }
    return current.accessToken;
  };
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    console.error(USAGE);
    return 2;
  }
  if (args.help || !args.site) {
    console.log(USAGE);
    return args.help ? 0 : 2;
  }
  let site: URL;
  try {
    site = new URL(args.site);
  } catch {
    console.error(`Not a URL: ${args.site}`);
    return 2;
  }
  let getToken: () => Promise<string>;
  try {
    getToken = await tokenProvider(site, args);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  let members: ReturnType<typeof memberRows> | undefined;
  if (args.members) {
    try {
      members = memberRows(parseCsv(decodeText(new Uint8Array(readFileSync(args.members))).text));
    } catch (e) {
      console.error(`Cannot read ${args.members}: ${(e as Error).message}`);
      return 2;
    }
    if (members.problems.length > 0) {
      for (const p of members.problems) console.error(`${args.members}: ${p}`);
      return 2;
    }
  }
  const sp = createSp({ siteUrl: site.toString(), getToken });
  const report = await provision(sp, { dryRun: args.dryRun, log: (line) => console.log(line) });
  if (!members) return report.ok ? 0 : 1;
  console.log(`Group members from ${args.members}${args.dryRun ? ' (dry run: nothing will be written)' : ''}`);
  const steps = await addGroupMembers(sp, members.rows, {
    dryRun: args.dryRun,
    log: (line) => console.log(`  ${line}`),
  });
  const failed = steps.filter((s) => s.outcome === 'failed').length;
  const added = steps.filter((s) => s.outcome === 'added').length;
  console.log(`${added} added, ${steps.length - added - failed} already members, ${failed} failed.`);
  return report.ok && failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
