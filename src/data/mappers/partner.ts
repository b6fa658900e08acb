import { partnerSchema, type Partner } from '../../domain/entities';
import { PARTNERS } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = PARTNERS;

export const PARTNER_COLUMNS = {
  key: 'PartnerKey',
  name: 'Title',
  nameCy: 'NameCy',
  sector: 'Sector',
  website: 'Website',
} as const satisfies Record<Exclude<keyof Partner, 'id'>, string>;

const c = PARTNER_COLUMNS;

export const partnerMapper: ListMapper<Partner> = {
  list,
  columns: c,
  choiceSets: { Sector: 'sector' },
  fromItem: (item: SpItem) =>
    mapItem<Partner>(list, item, partnerSchema, c, (r) => ({
      key: r.text(c.key),
      name: r.text(c.name),
      nameCy: r.optText(c.nameCy),
      sector: r.choice(c.sector, 'sector'),
      website: r.optText(c.website),
    })),
  toItem: (v: Partner) =>
    new ItemWriter(list)
      .text(c.key, v.key)
      .text(c.name, v.name)
      .text(c.nameCy, v.nameCy)
      .choice(c.sector, 'sector', v.sector)
      .text(c.website, v.website)
      .build(),
  keyOf: (v) => v.key,
};
