import { useCallback, useEffect, useState } from 'react';
import {
  actionStatus,
  addDays,
  compendiumFigures,
  reviewState,
  type Action,
  type Collaboration,
  type CompendiumFigures,
  type IsoDate,
  type Partner,
  type Person,
  type RepoError,
  type RepoResult,
  type ReviewStateOf,
  type Stored,
} from '../../../domain';
import type { Services } from '../../app/services';
import { primeLookup } from '../../components/useLookups';

/** How far ahead Home looks for open actions (an action behind its plan may be at risk long before it is due). */
const ACTION_HORIZON_DAYS = 365;

export interface DueReview {
  readonly record: Stored<Collaboration>;
  readonly state: ReviewStateOf;
  readonly mine: boolean;
}

export interface ActionAtRisk {
  readonly action: Stored<Action>;
  readonly status: 'atRisk' | 'overdue';
  readonly collaboration?: Stored<Collaboration>;
  readonly mine: boolean;
}

/** One of the person's own open actions ("My actions"), with its record when it has one. */
export interface MyAction {
  readonly action: Stored<Action>;
  readonly collaboration?: Stored<Collaboration>;
}

export interface HomeData {
  readonly figures: CompendiumFigures;
  /** The person's open actions due within the horizon, soonest first (from the same batch). */
  readonly myActions?: readonly MyAction[];
  readonly reviews: readonly DueReview[];
  readonly actions?: readonly ActionAtRisk[];
  readonly actionsError?: RepoError;
  readonly me?: Person;
}

export type HomeState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: RepoError }
  | { readonly kind: 'ready'; readonly data: HomeData };

const REVIEW_ORDER = { overdue: 0, dueToday: 1, dueSoon: 2, onTrack: 3, notScheduled: 4 } as const;

/** Own items first, then the soonest. */
function byMineThenDate<T extends { mine: boolean }>(date: (x: T) => string | undefined) {
  return (a: T, b: T) => Number(b.mine) - Number(a.mine) || (date(a) ?? '').localeCompare(date(b) ?? '');
}

export function homeData(
  today: IsoDate,
  collaborations: readonly Stored<Collaboration>[],
  partners: readonly Stored<Partner>[],
  actions: RepoResult<Stored<Action>[]>,
  me: Person | undefined,
): RepoResult<HomeData> {
  const figures = compendiumFigures(collaborations, partners, { periodStart: today, periodEnd: today });
  if (!figures.ok) return { ok: false, error: { code: 'unexpected', detail: JSON.stringify(figures.error) } };
  const isMine = (p: Person | undefined) => me !== undefined && p?.id === me.id;

  const reviews: DueReview[] = [];
  for (const record of collaborations) {
    const state = reviewState(record.nextReviewDue, today, { status: record.status });
    if (state.state === 'overdue' || state.state === 'dueToday' || state.state === 'dueSoon') {
      reviews.push({ record, state, mine: isMine(record.leadOfficer) || isMine(record.headOfService) });
    }
  }
  reviews.sort(
    (a, b) =>
      Number(b.mine) - Number(a.mine) ||
      REVIEW_ORDER[a.state.state] - REVIEW_ORDER[b.state.state] ||
      (a.record.nextReviewDue ?? '').localeCompare(b.record.nextReviewDue ?? ''),
  );

  const byId = new Map(collaborations.map((c) => [c.id, c]));
  let atRisk: ActionAtRisk[] | undefined;
  if (actions.ok) {
    atRisk = [];
    for (const action of actions.value) {
      const status = actionStatus(action, today);
      if (status !== 'atRisk' && status !== 'overdue') continue;
      const collaboration = action.collaborationId !== undefined ? byId.get(action.collaborationId) : undefined;
      atRisk.push({ action, status, mine: isMine(action.owner), ...(collaboration ? { collaboration } : {}) });
    }
    atRisk.sort(byMineThenDate((x) => x.action.dueDate));
  }
  const myActions: MyAction[] | undefined =
    actions.ok && me
      ? actions.value
          .filter((a) => isMine(a.owner))
          .map((action) => {
            const collaboration = action.collaborationId !== undefined ? byId.get(action.collaborationId) : undefined;
            return { action, ...(collaboration ? { collaboration } : {}) };
          })
          .sort((a, b) => (a.action.dueDate ?? '').localeCompare(b.action.dueDate ?? ''))
      : undefined;

  return {
    ok: true,
    value: {
      figures: figures.value,
      reviews,
      ...(atRisk ? { actions: atRisk } : {}),
      ...(myActions ? { myActions } : {}),
      ...(!actions.ok ? { actionsError: actions.error } : {}),
      ...(me ? { me } : {}),
    },
  };
}

type HomeReads = [
  RepoResult<Stored<Collaboration>[]>,
  RepoResult<Stored<Partner>[]>,
  RepoResult<Stored<Action>[]>,
  RepoResult<Person>,
];

/**
 * The reads under way, by services and day: a page that mounts twice in a row (React may mount a
 * lazily loaded page again while it settles) shares the one `$batch` instead of sending another.
 */
const inFlight = new WeakMap<Services, Map<string, Promise<HomeReads>>>();

function readHome(services: Services, today: IsoDate, attempt: number): Promise<HomeReads> {
  const key = `${today}#${attempt}`;
  let forServices = inFlight.get(services);
  if (!forServices) inFlight.set(services, (forServices = new Map<string, Promise<HomeReads>>()));
  const running = forServices.get(key);
  if (running) return running;
  const read = services
    .readBatched<HomeReads>((s) => [
      s.collaborations.all({}),
      s.partners.all(),
      s.actions.openDueOnOrBefore(addDays(today, ACTION_HORIZON_DAYS)),
      s.people.current(),
    ])
    .finally(() => forServices.delete(key));
  forServices.set(key, read);
  return read;
}

/** Home's data in ONE `$batch`: the register, the partners, open actions and who the person is. */
export function useHomeData(services: Services, today: IsoDate): HomeState & { retry: () => void } {
  const [state, setState] = useState<HomeState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void readHome(services, today, attempt).then(([collaborations, partners, actions, me]) => {
      if (!live) return;
      if (!collaborations.ok) return setState({ kind: 'error', error: collaborations.error });
      if (!partners.ok) return setState({ kind: 'error', error: partners.error });
      primeLookup(services, 'partners', partners.value);
      const data = homeData(today, collaborations.value, partners.value, actions, me.ok ? me.value : undefined);
      setState(data.ok ? { kind: 'ready', data: data.value } : { kind: 'error', error: data.error });
    });
    return () => {
      live = false;
    };
  }, [services, today, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
