import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_GOVERNANCE_POLICY, policyInForce, type GovernancePolicy, type RepoError } from '../../domain';
import { useServices } from '../app/context';
import type { Services } from '../app/services';

/** The governance policy's versions, read once per person (services) and shared. */
const cache = new WeakMap<Services, Promise<{ versions: GovernancePolicy[]; error?: RepoError }>>();

function read(services: Services) {
  let pending = cache.get(services);
  if (!pending) {
    pending = services.stores.policies.published().then((r) => {
      // A failure is not kept: the next page that asks tries again; until then the shipped numbers hold.
      if (!r.ok) cache.delete(services);
      return r.ok ? { versions: r.value } : { versions: [], error: r.error };
    });
    cache.set(services, pending);
  }
  return pending;
}

export interface PolicyState {
  /** The policy in force: the newest published version, or the shipped one (version 0). */
  readonly policy: GovernancePolicy;
  readonly versions: readonly GovernancePolicy[];
  readonly loading: boolean;
  readonly error?: RepoError;
  /** Reads the versions again (after publishing one). */
  readonly reload: () => void;
}

export function usePolicy(): PolicyState {
  const services = useServices();
  const [state, setState] = useState<Omit<PolicyState, 'reload'>>({
    policy: DEFAULT_GOVERNANCE_POLICY,
    versions: [],
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void read(services).then((r) => {
      if (!live) return;
      setState({
        policy: policyInForce(r.versions),
        versions: [...r.versions].sort((a, b) => b.version - a.version),
        loading: false,
        ...(r.error ? { error: r.error } : {}),
      });
    });
    return () => {
      live = false;
    };
  }, [services, attempt]);
  const reload = useCallback(() => {
    cache.delete(services);
    setAttempt((n) => n + 1);
  }, [services]);
  return { ...state, reload };
}
