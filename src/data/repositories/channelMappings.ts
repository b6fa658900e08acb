import type { SPFI } from '@pnp/sp';
import type { ChannelMapping } from '../../domain/entities';
import type { ChannelMappingStore, RepoResult, Stored } from '../../domain/ports';
import { channelMappingMapper } from '../mappers';
import { ListRepository } from './base';

export class ChannelMappingRepository extends ListRepository<ChannelMapping> implements ChannelMappingStore {
  constructor(sp: SPFI) {
    super(sp, channelMappingMapper);
  }

  all(): Promise<RepoResult<Stored<ChannelMapping>[]>> {
    return this.readAll();
  }
}
