import { useEffect, useState } from 'react';
import type { Person } from '../../domain';
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
}

/** Who the person is and which of the register's roles they hold, read once per person (services). */
const cache = new WeakMap<Services, Promise<Omit<Me, 'loading'>>>();

function readMe(services: Services): Promise<Omit<Me, 'loading'>> {
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
  const [me, setMe] = useState<Me>({ roles: [], panels: [], loading: true });
  useEffect(() => {
    let live = true;
    void readMe(services).then((value) => live && setMe({ ...value, loading: false }));
    return () => {
      live = false;
    };
  }, [services]);
  return me;
}
