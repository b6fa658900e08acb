/**
 * Adds people to the register's SharePoint groups from a file (`npm run provision -- --members
 * <file.csv>`): provisioning creates the groups empty, and a council knows its officers, its panel
 * members and its governance team as a list of e-mail addresses. Each row names a group and a
 * person; a person already in the group is left alone, so a rerun adds nothing twice.
 *
 * A group is named by its role (`officers`, `panel`, `governance`), by a panel's key
 * (`panel-cgrp`, whose group is "Collaboration Register Panel (panel-cgrp)") or by its title. A
 * person is resolved with `web/ensureuser`, as SharePoint resolves a login or an e-mail address;
 * one it cannot resolve is reported by its row, and the others still go in.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/site-groups/index.js';
import '@pnp/sp/site-users/index.js';
import { spErrorMessage } from '../sp';
import { panelGroupTitle } from '../schema/permissions';
import { ROLE_GROUPS } from '../schema/lists';

export interface MemberRow {
  /** The row as the file shows it (its header is row 1). */
  readonly row: number;
  readonly group: string;
  readonly person: string;
}

export type MemberOutcome = 'added' | 'alreadyMember' | 'failed';

export interface MemberStep {
  readonly row: number;
  readonly group: string;
  readonly person: string;
  readonly outcome: MemberOutcome;
  readonly detail?: string;
}

/** The group a row names: a role, a panel's key, or a title as written. */
export function memberGroupTitle(name: string): string {
  const v = name.trim();
  const role = (Object.keys(ROLE_GROUPS) as (keyof typeof ROLE_GROUPS)[]).find((r) => r === v.toLowerCase());
  if (role) return ROLE_GROUPS[role];
  if (/^panel-[a-z0-9-]+$/i.test(v)) return panelGroupTitle(v.toLowerCase());
  return v;
}

/**
 * The rows of a members file (CSV with a header row naming `group` and `person`, or `email`):
 * blank lines are passed over; a row missing either value is an error of its own.
 */
export function memberRows(table: readonly (readonly string[])[]): { rows: MemberRow[]; problems: string[] } {
  const [header, ...body] = table;
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const g = names.indexOf('group');
  const p = names.findIndex((n) => n === 'person' || n === 'email' || n === 'e-mail' || n === 'login');
  if (g < 0 || p < 0)
    return { rows: [], problems: ['The file needs a header row with the columns "group" and "person".'] };
  const rows: MemberRow[] = [];
  const problems: string[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const group = (cells[g] ?? '').trim();
    const person = (cells[p] ?? '').trim();
    if (!group || !person) problems.push(`row ${row}: a group and a person are both needed`);
    else rows.push({ row, group, person });
  });
  return { rows, problems };
}

export async function addGroupMembers(
  sp: SPFI,
  rows: readonly MemberRow[],
  options: { readonly dryRun?: boolean; readonly log?: (line: string) => void } = {},
): Promise<MemberStep[]> {
  const steps: MemberStep[] = [];
  const log = options.log ?? (() => undefined);
  const members = new Map<string, Set<number>>();
  for (const r of rows) {
    const group = memberGroupTitle(r.group);
    const step = (outcome: MemberOutcome, detail?: string) => {
      const s: MemberStep = { row: r.row, group, person: r.person, outcome, ...(detail ? { detail } : {}) };
      steps.push(s);
      const word = {
        added: options.dryRun ? 'would add' : 'added',
        alreadyMember: 'already a member',
        failed: 'FAILED',
      }[outcome];
      log(`row ${r.row}: ${r.person} in "${group}": ${word}${detail ? ` (${detail})` : ''}`);
    };
    try {
      const siteGroup = sp.web.siteGroups.getByName(group);
      let ids = members.get(group);
      if (!ids) {
        ids = new Set((await siteGroup.users.select('Id')<{ Id: number }[]>()).map((u) => u.Id));
        members.set(group, ids);
      }
      const user = await sp.web.ensureUser(r.person);
      if (ids.has(user.Id)) {
        step('alreadyMember');
        continue;
      }
      if (!options.dryRun) await siteGroup.users.add(user.LoginName);
      ids.add(user.Id);
      step('added');
    } catch (e) {
      step('failed', spErrorMessage(e));
    }
  }
  return steps;
}
