/**
 * Who may do what: the register's role policy, in one place. It drives three things:
 * - the permissions provisioning sets on each list and the PnP template carries
 *   (`STORE_ACCESS`, read by data/schema), and the item-level permissions a review
 *   carries (`reviewItemAccess`, applied by the data layer when a review is scheduled
 *   or decided);
 * - the embedded list server, which enforces those permissions as SharePoint does;
 * - the tab, which shows a person only the controls `may` allows.
 *
 * SharePoint enforces list and item permissions; the finer rules here (which record an
 * officer may edit, which action) are the tab's, on lists where officers contribute.
 * docs/permissions.md sets out the model and where SharePoint's enforcement ends.
 */
import type { Collaboration, Person } from './collaboration';
import { headsDirectorate } from './assuranceStatement';
import type { Action, Review } from './entities';

/** The roles, each a SharePoint group provisioning creates; a panel's members are a group of their own. */
export const ROLES = ['governance', 'officers', 'panel'] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do to a store: none, read, add and edit items (contribute), edit, or manage permissions. */
export type Access = 'none' | 'read' | 'contribute' | 'edit' | 'manage';

/** The register's stores (SharePoint lists). */
export type StoreName =
  | 'partners'
  | 'collaborations'
  | 'assessmentTemplates'
  | 'assessmentQuestions'
  | 'assessments'
  | 'reviews'
  | 'actions'
  | 'channelMappings'
  | 'reminderChannels'
  | 'reminderLog'
  | 'reportNarratives'
  | 'assuranceStatements'
  | 'recordHistory'
  | 'governancePolicies';

/**
 * List-level access. Reviews: governance manages, because a decided review is made
 * read-only by breaking inheritance on it; a panel's members contribute only to their
 * panel's undecided reviews, through `reviewItemAccess`. Panel members contribute to no
 * list as a whole, so they cannot change a record, an action or another panel's review.
 * Webhook addresses and the send log are governance-only.
 */
export const STORE_ACCESS: Readonly<Record<StoreName, Readonly<Record<Role, Access>>>> = {
  partners: { governance: 'edit', officers: 'read', panel: 'read' },
  collaborations: { governance: 'edit', officers: 'contribute', panel: 'read' },
  assessmentTemplates: { governance: 'edit', officers: 'read', panel: 'read' },
  assessmentQuestions: { governance: 'edit', officers: 'read', panel: 'read' },
  assessments: { governance: 'edit', officers: 'contribute', panel: 'read' },
  reviews: { governance: 'manage', officers: 'read', panel: 'read' },
  actions: { governance: 'edit', officers: 'contribute', panel: 'read' },
  channelMappings: { governance: 'edit', officers: 'read', panel: 'read' },
  reminderChannels: { governance: 'edit', officers: 'none', panel: 'none' },
  reminderLog: { governance: 'edit', officers: 'none', panel: 'none' },
  // The governance team's own words in the committee papers: theirs to write, everyone's to read.
  reportNarratives: { governance: 'edit', officers: 'read', panel: 'read' },
  // A Head of Service is an officer: officers add and update statements, the tab (`confirmStatement`)
  // keeps each to the directorates its Heads of Service answer for.
  assuranceStatements: { governance: 'edit', officers: 'contribute', panel: 'read' },
  // An officer's edit of a record writes its history; a panel's outcome is written by the job.
  recordHistory: { governance: 'edit', officers: 'contribute', panel: 'read' },
  governancePolicies: { governance: 'edit', officers: 'read', panel: 'read' },
};

/** One review's own permissions (inheritance broken on the item). */
export interface ItemAccess {
  readonly roles: Readonly<Record<Role, Access>>;
  /** The review's panel's members, when the review is still to be decided: they record its outcome. */
  readonly panelMembers?: { readonly panel: string; readonly access: Access };
}

/**
 * An undecided review: its panel's members contribute (they record the outcome); a
 * decided review: read-only to everyone but the governance team.
 */
export function reviewItemAccess(review: Pick<Review, 'outcome' | 'panel'>): ItemAccess {
  const roles = STORE_ACCESS.reviews;
  if (review.outcome !== undefined || !review.panel) return { roles };
  return { roles, panelMembers: { panel: review.panel, access: 'contribute' } };
}

/** The signed-in person, as the policy sees them. */
export interface Actor {
  readonly person?: Pick<Person, 'id' | 'email'>;
  readonly roles: readonly Role[];
  /** The keys of the panels the person sits on. */
  readonly panels: readonly string[];
}

export type Capability =
  | { readonly kind: 'register' }
  | { readonly kind: 'editRecord'; readonly record: Pick<Collaboration, 'leadOfficer' | 'headOfService'> }
  | { readonly kind: 'scheduleReview'; readonly record: Pick<Collaboration, 'leadOfficer' | 'headOfService'> }
  | { readonly kind: 'recordOutcome'; readonly review: Pick<Review, 'outcome' | 'panel'> }
  | { readonly kind: 'changeDecidedReview' }
  /** Apply what follows from a decided review: move the record, create actions, lock the review. */
  | { readonly kind: 'applyDecision' }
  | {
      readonly kind: 'manageAction';
      readonly action?: Pick<Action, 'owner'>;
      readonly record?: Pick<Collaboration, 'leadOfficer'>;
    }
  | { readonly kind: 'updateActionProgress'; readonly action: Pick<Action, 'owner'> }
  | { readonly kind: 'startAssessment' }
  | { readonly kind: 'discardDraft'; readonly author?: Pick<Person, 'id' | 'email'> }
  | { readonly kind: 'editTemplates' }
  | { readonly kind: 'import' }
  | { readonly kind: 'configureChannels' }
  /** Edit partner organisations and merge near-duplicates (the Partner Organisations list is theirs to edit). */
  | { readonly kind: 'managePartners' }
  /** Write the narrative of a governance report (the annual report's introduction, key messages, recommendations). */
  | { readonly kind: 'writeReportNarrative' }
  /** Publish a new version of the governance policy (significance weights, assurance cadence) and apply it to the register. */
  | { readonly kind: 'editGovernancePolicy' }
  /** Give a collaboration an assurance level from a submitted governance-arrangements check. */
  | { readonly kind: 'giveAssurance' }
  /** Date a reform or withdrawal the reports could not place in a year (from version history, or by hand). */
  | { readonly kind: 'dateChange' }
  /**
   * Confirm a directorate's annual assurance statement: the governance team, or an officer who is
   * the Head of Service of at least one of the directorate's records.
   */
  | {
      readonly kind: 'confirmStatement';
      readonly directorate: string;
      readonly records: readonly Pick<Collaboration, 'directorate' | 'headOfService'>[];
    };

function isPerson(actor: Actor, p: Pick<Person, 'id' | 'email'> | undefined): boolean {
  const me = actor.person;
  if (!me || !p) return false;
  if (me.id !== undefined && p.id !== undefined) return me.id === p.id;
  return !!me.email && !!p.email && me.email.toLowerCase() === p.email.toLowerCase();
}

/** Whether `actor` may do `what`. */
export function may(actor: Actor, what: Capability): boolean {
  const governance = actor.roles.includes('governance');
  const officer = actor.roles.includes('officers');
  switch (what.kind) {
    case 'register':
    case 'startAssessment':
      return governance || officer;
    case 'editRecord':
      return (
        governance ||
        (officer && (isPerson(actor, what.record.leadOfficer) || isPerson(actor, what.record.headOfService)))
      );
    case 'recordOutcome':
      if (what.review.outcome !== undefined) return false;
      return governance || (!!what.review.panel && actor.panels.includes(what.review.panel));
    // Only the governance team manages the Reviews list: a review they schedule gets its panel's permissions.
    case 'scheduleReview':
    case 'changeDecidedReview':
    case 'applyDecision':
    case 'editTemplates':
    case 'import':
    case 'configureChannels':
    case 'managePartners':
    case 'writeReportNarrative':
    case 'editGovernancePolicy':
    case 'dateChange':
    case 'giveAssurance':
      return governance;
    case 'manageAction':
      return (
        governance || (officer && (isPerson(actor, what.action?.owner) || isPerson(actor, what.record?.leadOfficer)))
      );
    case 'updateActionProgress':
      return governance || isPerson(actor, what.action.owner);
    case 'discardDraft':
      return governance || isPerson(actor, what.author);
    case 'confirmStatement':
      return governance || (officer && headsDirectorate(what.records, what.directorate, actor.person));
  }
}

/** The rank of an access, to compare: a step up gives every right of the step below. */
export const ACCESS_RANK: Readonly<Record<Access, number>> = { none: 0, read: 1, contribute: 2, edit: 3, manage: 5 };
