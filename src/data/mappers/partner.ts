import { partnerSchema, type Partner } from '../../domain/entities';
import type { PartnerSector } from '../../domain/vocabulary';
import { choiceCode, choiceValue, PARTNERS } from '../schema';
import { ItemWriter, mapItem, type ItemReader, type SpItem } from './common';
import type { ListMapper } from './types';

const list = PARTNERS;

export const PARTNER_COLUMNS = {
  key: 'PartnerKey',
  name: 'Title',
  nameCy: 'NameCy',
  // Before `sector`, so that version history names the column by `sector`.
  otherSector: 'Sector',
  sector: 'Sector',
  website: 'Website',
} as const satisfies Record<Exclude<keyof Partner, 'id'>, string>;

const c = PARTNER_COLUMNS;

/**
 * The Sector column as SharePoint may hold it: one of the choices, blank (it is optional, and a
 * partner added in SharePoint directly may have none), or a word typed by hand (a column set
 * to allow fill-in values, or a value written through REST, which SharePoint does not check
 * against the choices). None of these stops a read: an unknown word is kept as `otherSector`.
 */
function readSector(r: ItemReader): Pick<Partner, 'sector' | 'otherSector'> {
  const word = r.optText(c.sector)?.trim();
  if (word === undefined || word === '') return {};
  const code = choiceCode('sector', word);
  return code !== undefined ? { sector: code as PartnerSector } : { otherSector: word };
}

export const partnerMapper: ListMapper<Partner> = {
  list,
  columns: c,
  choiceSets: { Sector: 'sector' },
  fromItem: (item: SpItem) =>
    mapItem<Partner>(list, item, partnerSchema, c, (r) => ({
      key: r.text(c.key),
      name: r.text(c.name),
      nameCy: r.optText(c.nameCy),
      ...readSector(r),
      website: r.optText(c.website),
    })),
  toItem: (v: Partner) =>
    new ItemWriter(list)
      .text(c.key, v.key)
      .text(c.name, v.name)
      .text(c.nameCy, v.nameCy)
      // A hand-typed word is written back as it was read, so saving the partner keeps it.
      .text(c.sector, v.sector !== undefined ? choiceValue('sector', v.sector) : v.otherSector)
      .text(c.website, v.website)
      .build(),
  keyOf: (v) => v.key,
};
