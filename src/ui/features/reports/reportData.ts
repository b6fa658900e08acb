/**
 * What both reports read: every collaboration, review and action, the
 * partners list, and the records' history (the year's reforms and withdrawals). Each list is read whole, 5,000 items a request in ID order
 * (no filter and no sort, so SharePoint's list view threshold never applies),
 * the four lists at once.
 */
import { useCallback, useEffect, useState } from 'react';
import type {
  Action,
  ActionStore,
  Collaboration,
  CollaborationStore,
  HistoryEntry,
  HistoryStore,
  Partner,
  PartnerStore,
  RepoError,
  RepoResult,
  Review,
  ReviewStore,
  Stored,
} from '../../../domain';
import { useServices } from '../../app/context';

export interface ReportData {
  readonly records: readonly Stored<Collaboration>[];
  readonly reviews: readonly Stored<Review>[];
  readonly actions: readonly Stored<Action>[];
  readonly partners: readonly Stored<Partner>[];
  readonly history: readonly Stored<HistoryEntry>[];
}

export interface ReportStores {
  readonly collaborations: Pick<CollaborationStore, 'all'>;
  readonly reviews: Pick<ReviewStore, 'all'>;
  readonly actions: Pick<ActionStore, 'all'>;
  readonly partners: Pick<PartnerStore, 'all'>;
  readonly history: Pick<HistoryStore, 'all'>;
}

export async function loadReportData(stores: ReportStores): Promise<RepoResult<ReportData>> {
  const [records, reviews, actions, partners, history] = await Promise.all([
    stores.collaborations.all({}),
    stores.reviews.all(),
    stores.actions.all(),
    stores.partners.all(),
    stores.history.all(),
  ]);
  for (const r of [records, reviews, actions, partners, history]) if (!r.ok) return { ok: false, error: r.error };
  if (!records.ok || !reviews.ok || !actions.ok || !partners.ok || !history.ok)
    return { ok: false, error: { code: 'unexpected' } };
  return {
    ok: true,
    value: {
      records: records.value,
      reviews: reviews.value,
      actions: actions.value,
      partners: partners.value,
      history: history.value,
    },
  };
}

export interface ReportDataState {
  readonly data?: ReportData;
  readonly error?: RepoError;
  readonly loading: boolean;
  readonly retry: () => void;
}

export function useReportData(): ReportDataState {
  const services = useServices();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<ReportDataState, 'retry'>>({ loading: true });
  useEffect(() => {
    let live = true;
    setState({ loading: true });
    void loadReportData(services.stores).then((r) => {
      if (!live) return;
      setState(r.ok ? { data: r.value, loading: false } : { error: r.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [services, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
