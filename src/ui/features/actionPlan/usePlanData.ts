import { useCallback, useEffect, useState } from 'react';
import type { Action, Collaboration, IsoDate, RepoError, Stored } from '../../../domain';
import type { Services } from '../../app/services';

export interface PlanData {
  readonly actions: readonly Stored<Action>[];
  readonly collaborations: ReadonlyMap<number, Stored<Collaboration>>;
}

export type PlanState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: RepoError }
  | { readonly kind: 'ready'; readonly data: PlanData };

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of a twelve-month plan starting in `month` of `year`. */
export function planRange(year: number, month: number): { from: IsoDate; to: IsoDate } {
  const endMonth = ((month + 10) % 12) + 1;
  const endYear = month === 1 ? year : year + 1;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${endYear}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** The plan year `today` falls in, for a plan that starts in `startMonth`. */
export function planYearOf(today: IsoDate, startMonth: number): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}

/** The actions that may show on a plan year, and the records they belong to. */
export function usePlanData(
  services: Services,
  range: { from: IsoDate; to: IsoDate },
  collaborationId?: number,
): PlanState & { reload: () => void } {
  const [state, setState] = useState<PlanState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    const reads =
      collaborationId !== undefined
        ? Promise.all([
            services.stores.actions.forCollaboration(collaborationId),
            services.stores.collaborations
              .get(collaborationId)
              .then((r) => (r.ok ? { ok: true as const, value: [r.value] } : r)),
          ])
        : Promise.all([services.stores.actions.forPlan(range.from, range.to), services.stores.collaborations.all({})]);
    void reads.then(([actions, collaborations]) => {
      if (!live) return;
      if (!actions.ok) return setState({ kind: 'error', error: actions.error });
      if (!collaborations.ok) return setState({ kind: 'error', error: collaborations.error });
      setState({
        kind: 'ready',
        data: { actions: actions.value, collaborations: new Map(collaborations.value.map((c) => [c.id, c])) },
      });
    });
    return () => {
      live = false;
    };
  }, [services, range.from, range.to, collaborationId, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
