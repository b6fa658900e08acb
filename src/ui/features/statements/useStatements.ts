import { useCallback, useEffect, useState } from 'react';
import type { Collaboration, RepoError } from '../../../domain';
import { assuranceOverview, type AssuranceOverview, type AssuranceStatement } from '../../../domain/assuranceStatement';
import type { Stored } from '../../../domain/ports';
import { useServices } from '../../app/context';

export type StatementsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: RepoError }
  | {
      readonly kind: 'ready';
      readonly overview: AssuranceOverview;
      /** The year's stored statements by key, with the ETags a confirmation updates over. */
      readonly stored: ReadonlyMap<string, Stored<AssuranceStatement>>;
      /** The register's records, for the role policy (who heads a directorate's record). */
      readonly records: readonly Stored<Collaboration>[];
    };

/** A year's directorates and statements: the register's records and the year's statements, read at once. */
export function useStatements(year: number) {
  const services = useServices();
  const [state, setState] = useState<StatementsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    // A reload after a confirmation keeps the table on screen until the fresh read arrives, rather
    // than blanking the page the person has just acted on.
    setState((prev) => (prev.kind === 'ready' && prev.overview.year === year ? prev : { kind: 'loading' }));
    void Promise.all([services.stores.collaborations.all({}), services.stores.assuranceStatements.forYear(year)]).then(
      ([records, statements]) => {
        if (!live) return;
        if (!records.ok) return setState({ kind: 'error', error: records.error });
        if (!statements.ok) return setState({ kind: 'error', error: statements.error });
        setState({
          kind: 'ready',
          overview: assuranceOverview(year, records.value, statements.value),
          stored: new Map(statements.value.map((s) => [s.key, s])),
          records: records.value,
        });
      },
    );
    return () => {
      live = false;
    };
  }, [services, year, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
