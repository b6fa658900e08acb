import { ROLES, STORE_ACCESS, type Access, type Role } from '../../domain/policy';
import type { ListKey, PermissionLevel } from './types';

/** The SharePoint permission level that gives a role the policy's access ('none': no assignment). */
export const LEVEL_OF_ACCESS: Readonly<Record<Exclude<Access, 'none'>, PermissionLevel>> = {
  read: 'Read',
  contribute: 'Contribute',
  edit: 'Edit',
  manage: 'FullControl',
};

/** A list's role assignments, from the role policy (roles with no access are left out: inheritance is broken). */
export function listPermissions(key: ListKey): Readonly<Partial<Record<Role, PermissionLevel>>> {
  const out: Partial<Record<Role, PermissionLevel>> = {};
  for (const role of ROLES) {
    const access = STORE_ACCESS[key][role];
    if (access !== 'none') out[role] = LEVEL_OF_ACCESS[access];
  }
  return out;
}

/** The SharePoint group of one panel's members (made by provisioning or by the governance team). */
export function panelGroupTitle(panelKey: string): string {
  return `Collaboration Register Panel (${panelKey})`;
}

/** The panel key a group title names, or undefined when it is not a panel's group. */
export function panelOfGroup(title: string): string | undefined {
  const m = /^Collaboration Register Panel \((.+)\)$/.exec(title);
  return m?.[1];
}
