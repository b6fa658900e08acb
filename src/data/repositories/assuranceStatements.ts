import type { SPFI } from '@pnp/sp';
import type { AssuranceStatement } from '../../domain/assuranceStatement';
import type { AssuranceStatementStore, RepoResult, Stored } from '../../domain/ports';
import { assuranceStatementMapper } from '../mappers';
import { ListRepository } from './base';

/**
 * The annual assurance statements: one small item per directorate and financial year, found
 * by its unique key (`statement-2025-economy`). Two people confirming the same directorate at
 * once meet as a duplicate (the first create) or a 412 (any update), never as one silently
 * overwriting the other's statement.
 */
export class AssuranceStatementRepository
  extends ListRepository<AssuranceStatement>
  implements AssuranceStatementStore
{
  constructor(sp: SPFI) {
    super(sp, assuranceStatementMapper);
  }

  forYear(year: number): Promise<RepoResult<Stored<AssuranceStatement>[]>> {
    return this.readAll({ filter: this.f.eq('StatementYear', year), orderBy: [['Directorate', true]] });
  }

  /** No idempotent success on an existing key: someone else's statement is theirs, shown as `duplicate`. */
  override create(value: AssuranceStatement): Promise<RepoResult<Stored<AssuranceStatement>, AssuranceStatement>> {
    return this.createKeepingTheirs(value);
  }
}
