import type { SPFI } from '@pnp/sp';
import type { Partner } from '../../domain/entities';
import type { PartnerList, PartnerStore, RepoResult, Stored } from '../../domain/ports';
import { partnerMapper } from '../mappers';
import { ListRepository, ok, type ReadOptions } from './base';

/**
 * Partner organisations: a small list the governance team maintains (officers read it).
 * The governance team also adds partners in SharePoint directly, where nothing checks them as
 * the tab does: a read keeps every partner it can use and names each item it cannot, so one
 * odd item never stops the import, the record form or the partner register.
 */
export class PartnerRepository extends ListRepository<Partner> implements PartnerStore {
  constructor(sp: SPFI) {
    super(sp, partnerMapper);
  }

  all(): Promise<RepoResult<Stored<Partner>[]>> {
    return this.readAll({ orderBy: [['Title', true]] });
  }

  async list(): Promise<RepoResult<PartnerList>> {
    return this.readTolerant({ orderBy: [['Title', true]] });
  }

  get(id: number): Promise<RepoResult<Stored<Partner>>> {
    return this.getById(id);
  }

  delete(id: number, etag: string): Promise<RepoResult<void, Partner>> {
    return this.deleteWithEtag(id, etag);
  }

  /** Every usable partner; items that cannot be used are left out (the import's read goes through here too). */
  override async readAll(opts: ReadOptions = {}): Promise<RepoResult<Stored<Partner>[]>> {
    const r = await this.readTolerant(opts);
    return r.ok ? ok(r.value.partners) : r;
  }

  private async readTolerant(opts: ReadOptions): Promise<RepoResult<PartnerList>> {
    const r = await this.readUsable(opts);
    return r.ok ? ok({ partners: r.value.items, unreadable: r.value.unreadable }) : r;
  }
}
