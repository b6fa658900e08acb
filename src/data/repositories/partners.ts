import type { SPFI } from '@pnp/sp';
import type { Partner } from '../../domain/entities';
import type { PartnerStore, RepoResult, Stored } from '../../domain/ports';
import { partnerMapper } from '../mappers';
import { ListRepository } from './base';

/** Partner organisations: a small list the governance team maintains (officers read it). */
export class PartnerRepository extends ListRepository<Partner> implements PartnerStore {
  constructor(sp: SPFI) {
    super(sp, partnerMapper);
  }

  all(): Promise<RepoResult<Stored<Partner>[]>> {
    return this.readAll({ orderBy: [['Title', true]] });
  }
}
