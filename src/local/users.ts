import type { Role } from '../data/schema';

/**
 * The demo users of Glan-yr-Afon County Borough Council (Cyngor Bwrdeistref
 * Sirol Glan-yr-Afon), a fictional Welsh council. They are the site's users in
 * the embedded list server: a request chooses one with
 * `Authorization: Bearer dev:<key>` (or `dev:<email>`).
 */
export interface DemoUser {
  /** Short key for `Authorization: Bearer dev:<key>`. */
  readonly key: string;
  /** SharePoint site user id (principal id). */
  readonly Id: number;
  readonly Title: string;
  readonly Email: string;
  /** Claims login, as SharePoint Online shows it. */
  readonly LoginName: string;
  readonly JobTitle: string;
  readonly Department: string;
  /** The register's roles (SharePoint groups, see ROLE_GROUPS) the user belongs to. */
  readonly roles: readonly Role[];
  /** Site collection administrator: full control everywhere. */
  readonly IsSiteAdmin: boolean;
  /** The panels (channel mapping keys) the user sits on: members of each panel's group. */
  readonly panels: readonly string[];
}

export const COUNCIL = {
  name: 'Glan-yr-Afon County Borough Council',
  nameCy: 'Cyngor Bwrdeistref Sirol Glan-yr-Afon',
  domain: 'glanyrafon.example',
} as const;

function user(
  key: string,
  Id: number,
  Title: string,
  local: string,
  JobTitle: string,
  Department: string,
  roles: readonly Role[],
  IsSiteAdmin = false,
  panels: readonly string[] = [],
): DemoUser {
  const Email = `${local}@${COUNCIL.domain}`;
  return {
    key,
    Id,
    Title,
    Email,
    LoginName: `i:0#.f|membership|${Email}`,
    JobTitle,
    Department,
    roles,
    IsSiteAdmin,
    panels,
  };
}

export const DEMO_USERS: readonly DemoUser[] = [
  user('governance', 6, 'Siân Powell', 'sian.powell', 'Governance Officer', 'Corporate Services', ['governance'], true),
  user('officer', 7, 'Rhys Davies', 'rhys.davies', 'Policy Officer', 'Corporate Services', ['officers']),
  user(
    'panel',
    8,
    'Eleri Morgan',
    'eleri.morgan',
    'Councillor, Corporate Governance Review Panel',
    'Democratic Services',
    ['panel'],
    false,
    ['panel-cgrp'],
  ),
  user('dylan', 9, "Dylan O'Brien", 'dylan.obrien', 'Head of Regeneration', 'Economy and Environment', ['officers']),
  user('llyr', 10, 'Llŷr Evans', 'llyr.evans', 'Head of Education Services', 'Education', ['officers']),
  user('angharad', 11, 'Angharad Price', 'angharad.price', 'Head of Adult Services', 'Social Services', ['officers']),
  user('gareth', 12, 'Gareth Williams', 'gareth.williams', 'Head of Corporate Finance', 'Corporate Services', [
    'officers',
  ]),
  user('mererid', 13, 'Mererid Jones', 'mererid.jones', 'Partnerships Manager', 'Social Services', ['officers']),
  user('tomos', 14, 'Tomos Rees', 'tomos.rees', 'Economic Development Manager', 'Economy and Environment', [
    'officers',
  ]),
  user('aled', 15, 'Aled Roberts', 'aled.roberts', 'School Improvement Lead', 'Education', ['officers']),
  user('nia', 16, 'Nia Thomas', 'nia.thomas', 'Community Safety Manager', 'Economy and Environment', ['officers']),
  user(
    'bethan',
    17,
    'Bethan Lloyd',
    'bethan.lloyd',
    'Lay Member, Governance and Audit Committee',
    'Democratic Services',
    ['panel'],
    false,
    ['panel-gac'],
  ),
  user('huw', 18, 'Huw Jenkins', 'huw.jenkins', 'Head of Democratic Services', 'Corporate Services', [
    'governance',
    'officers',
  ]),
];

/**
 * Who provisioned the site (owner, with Full Control, of every list it creates) and
 * created the demo data: the governance officer, whatever user the tab opens as.
 * Every request names its own user with a token; none runs as this user by default.
 */
export const PROVISIONER_KEY = 'governance';

/**
 * Finds a demo user by key, e-mail, claims login or display name (case-insensitive).
 */
export function findDemoUser(keyOrLogin: string): DemoUser | undefined {
  const wanted = keyOrLogin.trim().toLowerCase();
  return DEMO_USERS.find(
    (u) =>
      u.key === wanted ||
      u.Email.toLowerCase() === wanted ||
      u.LoginName.toLowerCase() === wanted ||
      u.Title.toLowerCase() === wanted,
  );
}
