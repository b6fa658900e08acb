import { channelMappingSchema, type ChannelMapping } from '../../domain/entities';
import { CHANNEL_MAPPINGS } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = CHANNEL_MAPPINGS;

export const CHANNEL_MAPPING_COLUMNS = {
  key: 'MappingKey',
  name: 'Title',
  nameCy: 'TitleCy',
  kind: 'MappingKind',
  channelKey: 'ChannelKey',
  channelName: 'ChannelName',
  teamId: 'TeamId',
  channelId: 'ChannelId',
  language: 'Language',
} as const satisfies Record<Exclude<keyof ChannelMapping, 'id'>, string>;

const c = CHANNEL_MAPPING_COLUMNS;

export const channelMappingMapper: ListMapper<ChannelMapping> = {
  list,
  columns: c,
  choiceSets: { MappingKind: 'mappingKind', Language: 'language' },
  fromItem: (item: SpItem) =>
    mapItem<ChannelMapping>(list, item, channelMappingSchema, c, (r) => ({
      key: r.text(c.key),
      name: r.text(c.name),
      nameCy: r.optText(c.nameCy),
      kind: r.choice(c.kind, 'mappingKind'),
      channelKey: r.text(c.channelKey),
      channelName: r.text(c.channelName),
      teamId: r.optText(c.teamId),
      channelId: r.optText(c.channelId),
      language: r.choice(c.language, 'language'),
    })),
  toItem: (v: ChannelMapping) =>
    new ItemWriter(list)
      .text(c.key, v.key)
      .text(c.name, v.name)
      .text(c.nameCy, v.nameCy)
      .choice(c.kind, 'mappingKind', v.kind)
      .text(c.channelKey, v.channelKey)
      .text(c.channelName, v.channelName)
      .text(c.teamId, v.teamId)
      .text(c.channelId, v.channelId)
      .choice(c.language, 'language', v.language)
      .build(),
  keyOf: (v) => v.key,
};
