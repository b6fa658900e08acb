import { useEffect, useState } from 'react';
import type { Person } from '../../domain';
import type { Actor } from '../../domain/policy';
import type { Role } from '../../data/repositories/people';
import { useServices } from '../app/context';
import type { Services } from '../app/services';

export type { Role };

export interface Me {
  readonly person?: Person;
  readonly roles: readonly Role[];
  /** The keys of the panels the person sits on. */
  readonly panels: readonly string[];
  readonly loading: boolean;
  /** The person as the role policy sees them (domain/policy.ts `may`). */
  readonly actor: Actor;
}

/** Who the person is and which of the register's roles they hold, read once per person (services). */
const cache = new WeakMap<Services, Promise<Omit<Me, 'loading' | 'actor'>>>();

function readMe(services: Services): Promise<Omit<Me, 'loading' | 'actor'>> {
  let pending = cache.get(services);
  if (!pending) {
    pending = Promise.all([services.stores.people.current(), services.stores.people.memberships()]).then(
      ([person, m]) => ({
        ...(person.ok ? { person: person.value } : {}),
        roles: m.ok ? m.value.roles : [],
        panels: m.ok ? m.value.panels : [],
      }),
    );
    // A failed read is not kept: the next page asks again.
    void pending.then((me) => {
      if (!me.person) cache.delete(services);
    });
    cache.set(services, pending);
  }
  return pending;
}

/**
 * The signed-in person and their roles. Governance-only screens (templates,
 * import) show themselves to `governance`; SharePoint still enforces the
 * list permissions, so a role read wrongly can hide a button, never grant a write.
 */
export function useMe(): Me {
  const services = useServices();
  const [me, setMe] = useState<Me>({ roles: [], panels: [], loading: true, actor: { roles: [], panels: [] } });
  useEffect(() => {
    let live = true;
    void readMe(services).then(
      (value) =>
        live &&
        setMe({
          ...value,
          loading: false,
          actor: { ...(value.person ? { person: value.person } : {}), roles: value.roles, panels: value.panels },
        }),
    );
    return () => {
      live = false;
    };
  }, [services]);
  return me;
}
