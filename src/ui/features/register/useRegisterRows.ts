import { useCallback, useEffect, useRef, useState } from 'react';
import type { Collaboration, CollaborationQuery, CollaborationStore, RepoError, Stored } from '../../../domain';

export interface RegisterRows {
  readonly rows: readonly Stored<Collaboration>[];
  /** First page on its way (no rows yet for this view). */
  readonly loading: boolean;
  /** A later page on its way. */
  readonly loadingMore: boolean;
  /** True when every matching row is loaded. */
  readonly complete: boolean;
  readonly error?: RepoError;
  /** Fetches the next page (the store's page token), if any and not already under way. */
  readonly loadMore: () => void;
  readonly retry: () => void;
}

interface State {
  readonly rows: readonly Stored<Collaboration>[];
  readonly next?: string;
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error?: RepoError;
}

/**
 * The register's rows for a query, a page at a time: the server filters and
 * sorts on indexed columns, the first page comes back alone (first rows fast),
 * and later pages follow the store's page token as the person scrolls. A reply
 * for a view that is no longer shown is dropped.
 */
export function useRegisterRows(store: CollaborationStore, query: CollaborationQuery, queryKey: string): RegisterRows {
  const [state, setState] = useState<State>({ rows: [], loading: true, loadingMore: false });
  const generation = useRef(0);
  const queryRef = useRef(query);
  queryRef.current = query;
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const gen = ++generation.current;
    setState({ rows: [], loading: true, loadingMore: false });
    void store.query(queryRef.current).then((r) => {
      if (gen !== generation.current) return;
      if (!r.ok) setState({ rows: [], loading: false, loadingMore: false, error: r.error });
      else
        setState({
          rows: r.value.items,
          loading: false,
          loadingMore: false,
          ...(r.value.next !== undefined ? { next: r.value.next } : {}),
        });
    });
  }, [store, queryKey, attempt]);

  const stateRef = useRef(state);
  stateRef.current = state;

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.next === undefined || s.loadingMore || s.loading) return;
    const gen = generation.current;
    const token = s.next;
    setState((prev) => {
      const { error: _error, ...rest } = prev;
      return { ...rest, loadingMore: true };
    });
    stateRef.current = { ...s, loadingMore: true };
    void store.query(queryRef.current, token).then((r) => {
      if (gen !== generation.current) return;
      setState((prev) => {
        if (!r.ok) return { ...prev, loadingMore: false, error: r.error };
        const { next: _next, ...rest } = prev;
        return {
          ...rest,
          rows: [...prev.rows, ...r.value.items],
          loadingMore: false,
          ...(r.value.next !== undefined ? { next: r.value.next } : {}),
        };
      });
    });
  }, [store]);

  const retry = useCallback(() => {
    const s = stateRef.current;
    if (s.rows.length > 0 && s.next !== undefined) loadMore();
    else setAttempt((n) => n + 1);
  }, [loadMore]);

  return {
    rows: state.rows,
    loading: state.loading,
    loadingMore: state.loadingMore,
    complete: !state.loading && state.next === undefined && state.error === undefined,
    ...(state.error ? { error: state.error } : {}),
    loadMore,
    retry,
  };
}
