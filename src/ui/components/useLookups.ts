import { useEffect, useMemo, useState } from 'react';
import { mappedDirectorates } from '../../domain/panels';
import type { ChannelMapping, Partner, RepoError, RepoResult, Stored } from '../../domain';
import { useApp, useServices } from '../app/context';
import { directorateLabel } from './recordText';
import type { Services } from '../app/services';

type Lookup = 'partners' | 'channelMappings';
type Value<K extends Lookup> = K extends 'partners' ? Stored<Partner>[] : Stored<ChannelMapping>[];

/** Small lists every page may need, read once per person (services) and shared. */
const cache = new WeakMap<Services, Map<Lookup, Promise<RepoResult<unknown>>>>();

function read<K extends Lookup>(services: Services, key: K): Promise<RepoResult<Value<K>>> {
  let forServices = cache.get(services);
  if (!forServices) {
    forServices = new Map();
    cache.set(services, forServices);
  }
  let pending = forServices.get(key);
  if (!pending) {
    pending = key === 'partners' ? services.stores.partners.all() : services.stores.channelMappings.all();
    // A failure is not kept: the next page that asks tries again.
    const map = forServices;
    void pending.then((r) => {
      if (!r.ok) map.delete(key);
    });
    forServices.set(key, pending);
  }
  return pending as Promise<RepoResult<Value<K>>>;
}

/** Seeds the cache with a list read elsewhere (Home reads partners in its one batch). */
export function primeLookup<K extends Lookup>(services: Services, key: K, value: Value<K>): void {
  let forServices = cache.get(services);
  if (!forServices) {
    forServices = new Map();
    cache.set(services, forServices);
  }
  forServices.set(key, Promise.resolve({ ok: true, value }));
}

export interface LookupState<T> {
  readonly value?: T;
  readonly error?: RepoError;
  readonly loading: boolean;
}

export function useLookup<K extends Lookup>(key: K): LookupState<Value<K>> {
  const services = useServices();
  const [state, setState] = useState<LookupState<Value<K>>>({ loading: true });
  useEffect(() => {
    let live = true;
    void read(services, key).then((r) => {
      if (!live) return;
      setState(r.ok ? { value: r.value, loading: false } : { error: r.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [services, key]);
  return state;
}

/** The directorates and panels the governance team maps to channels, by kind. */
export function mappingsOfKind(
  mappings: readonly ChannelMapping[] | undefined,
  kind: ChannelMapping['kind'],
): readonly ChannelMapping[] {
  return (mappings ?? []).filter((m) => m.kind === kind);
}

/**
 * Directorate names in the person's language: records keep the English name, and the
 * governance team gives each directorate its Welsh name in the channel settings (TitleCy).
 */
export function useDirectorateLabel(): (value: string | undefined) => string {
  const mappings = useLookup('channelMappings');
  const { locale } = useApp();
  return useMemo(() => {
    const directorates = mappedDirectorates(mappings.value ?? []);
    return (value) => directorateLabel(value, directorates, locale);
  }, [mappings.value, locale]);
}
