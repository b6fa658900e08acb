import type { SPFI } from '@pnp/sp';
import type { ReportNarrative } from '../../domain/annualReport';
import type { RepoResult, ReportNarrativeStore, Stored } from '../../domain/ports';
import { reportNarrativeMapper } from '../mappers';
import { ListRepository } from './base';

/**
 * The governance team's narratives of the reports: one small item per report and
 * year, found by its unique key (`annual-2025`). Two people writing the same year's
 * narrative at once meet as a duplicate (the first create) or a 412 (any update),
 * never as one overwriting the other.
 */
export class ReportNarrativeRepository extends ListRepository<ReportNarrative> implements ReportNarrativeStore {
  constructor(sp: SPFI) {
    super(sp, reportNarrativeMapper);
  }

  find(key: string): Promise<RepoResult<Stored<ReportNarrative> | undefined>> {
    return this.findByKey(key);
  }

  /** No idempotent success on an existing key: someone else's narrative is theirs, shown as `duplicate`. */
  override create(value: ReportNarrative): Promise<RepoResult<Stored<ReportNarrative>, ReportNarrative>> {
    return this.createKeepingTheirs(value);
  }
}
