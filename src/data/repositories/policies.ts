import type { SPFI } from '@pnp/sp';
import type { GovernancePolicy } from '../../domain/governancePolicy';
import type { PolicyStore, RepoResult, Stored } from '../../domain/ports';
import { governancePolicyMapper } from '../mappers';
import { ListRepository } from './base';

/**
 * The governance policy's versions: a few small items, each published once. Two people
 * publishing the same version number meet as `duplicate`, never one overwriting the other.
 */
export class PolicyRepository extends ListRepository<GovernancePolicy> implements PolicyStore {
  constructor(sp: SPFI) {
    super(sp, governancePolicyMapper);
  }

  async published(): Promise<RepoResult<GovernancePolicy[]>> {
    const read = await this.readAll({ orderBy: [['PolicyVersion', false]] });
    return read.ok ? { ok: true, value: read.value } : read;
  }

  publish(policy: GovernancePolicy): Promise<RepoResult<Stored<GovernancePolicy>, GovernancePolicy>> {
    return this.createKeepingTheirs(policy);
  }
}
