import { useCallback, useEffect, useState } from 'react';
import { mergePartners, type MergeOutcome } from '../../../app/mergePartners';
import type { DomainError, Partner, RepoError, Stored } from '../../../domain';
import { checkPartner, partnerUse, tidyPartner } from '../../../domain/partners';
import { useServices } from '../../app/context';
import { useMe } from '../../components/useRoles';

/** One partner as the register lists it, with how many records name it. */
export interface PartnerRow {
  readonly partner: Stored<Partner>;
  readonly records: number;
}

export type PartnersState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: RepoError }
  | {
      readonly kind: 'ready';
      readonly rows: readonly PartnerRow[];
      /** Items of the list that could not be used, named (the rest are listed). */
      readonly unreadable: readonly RepoError[];
    };

export type SaveResult =
  | { readonly kind: 'saved'; readonly partner: Stored<Partner> }
  | { readonly kind: 'invalid'; readonly errors: readonly DomainError[] }
  | { readonly kind: 'conflict'; readonly theirs: Stored<Partner> }
  | { readonly kind: 'error'; readonly error: RepoError };

/**
 * The partner register's data: every partner with how many records name it (both read at
 * once), an edit saved with the ETag it was read with, and a merge through the use case.
 */
export function usePartners() {
  const services = useServices();
  const { actor } = useMe();
  const [state, setState] = useState<PartnersState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void Promise.all([services.stores.partners.list(), services.stores.collaborations.partnerLinks()]).then(
      ([list, links]) => {
        if (!live) return;
        if (!list.ok) return setState({ kind: 'error', error: list.error });
        if (!links.ok) return setState({ kind: 'error', error: links.error });
        const use = partnerUse(links.value);
        setState({
          kind: 'ready',
          rows: list.value.partners.map((partner) => ({ partner, records: use.get(partner.id) ?? 0 })),
          unreadable: list.value.unreadable,
        });
      },
    );
    return () => {
      live = false;
    };
  }, [services, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const save = useCallback(
    async (edited: Stored<Partner>): Promise<SaveResult> => {
      const { id, etag, modified: _modified, ...value } = edited;
      const tidy = tidyPartner(value);
      const errors = checkPartner(tidy);
      if (errors.length > 0) return { kind: 'invalid', errors };
      const r = await services.stores.partners.update({ ...tidy, id, etag });
      if (r.ok) return { kind: 'saved', partner: r.value };
      if (r.error.code === 'conflict' && r.error.theirs) return { kind: 'conflict', theirs: r.error.theirs };
      return { kind: 'error', error: r.error };
    },
    [services],
  );

  const merge = useCallback(
    (keepId: number, mergeId: number): Promise<MergeOutcome> =>
      mergePartners(services.stores, { keepId, mergeId, actor }),
    [services, actor],
  );

  return { state, reload, save, merge };
}
