import { z } from 'zod';
import { governancePolicySchema, type GovernancePolicy } from '../../domain/governancePolicy';
import { GOVERNANCE_POLICIES } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = GOVERNANCE_POLICIES;

/** The policy's numbers are one JSON column (they change together, as one version). */
export const GOVERNANCE_POLICY_COLUMNS = {
  version: 'PolicyVersion',
  significance: 'PolicyJson',
  assuranceCadence: 'PolicyJson',
  publishedOn: 'PublishedOn',
  publishedBy: 'PublishedBy',
  note: 'ChangeNote',
} as const satisfies Record<keyof GovernancePolicy, string>;

const c = GOVERNANCE_POLICY_COLUMNS;

export const policyKey = (version: number): string => `policy-v${version}`;

const body = z.object({ significance: z.unknown(), assuranceCadence: z.unknown() });

function parseBody(text: string | undefined): { significance?: unknown; assuranceCadence?: unknown } {
  if (!text) return {};
  try {
    const parsed = body.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export const governancePolicyMapper: ListMapper<GovernancePolicy> = {
  list,
  columns: c,
  fromItem: (item: SpItem) =>
    mapItem<GovernancePolicy>(list, item, governancePolicySchema, c, (r) => {
      const numbers = parseBody(r.optText(c.significance));
      const by = r.person(c.publishedBy);
      return {
        version: r.number(c.version),
        significance: numbers.significance,
        assuranceCadence: numbers.assuranceCadence,
        publishedOn: r.date(c.publishedOn),
        publishedBy: by ? { id: by.id, displayName: by.displayName } : undefined,
        note: r.optText(c.note),
      };
    }),
  toItem: (v: GovernancePolicy) =>
    new ItemWriter(list)
      .text('Title', `Governance policy v${v.version}`)
      .text('PolicyKey', policyKey(v.version))
      .number(c.version, v.version)
      .text(c.significance, JSON.stringify({ significance: v.significance, assuranceCadence: v.assuranceCadence }))
      .date(c.publishedOn, v.publishedOn)
      .person(c.publishedBy, v.publishedBy)
      .text(c.note, v.note)
      .build(),
  keyOf: (v) => policyKey(v.version),
};
