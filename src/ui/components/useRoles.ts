import { useEffect, useRef, useState } from 'react';
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

/** Who the person is and which of the register's roles they hold, read once per person (services.whoAmI). */
async function readMe(services: Services, waitForPageBatch: boolean): Promise<Omit<Me, 'loading' | 'actor'>> {
  const { person, memberships } = await services.whoAmI({ waitForPageBatch });
  return {
    ...(person.ok ? { person: person.value } : {}),
    roles: memberships.ok ? memberships.value.roles : [],
    panels: memberships.ok ? memberships.value.panels : [],
  };
}

/**
 * The signed-in person and their roles. Governance-only screens (templates,
 * import) show themselves to `governance`; SharePoint still enforces the
 * list permissions, so a role read wrongly can hide a button, never grant a write.
 * `joinPageBatch` (the shell, opening on a page that reads in one `$batch`): the read waits
 * to ride in that page's batch rather than go on its own.
 */
export function useMe(options?: { readonly joinPageBatch?: boolean }): Me {
  const services = useServices();
  const join = useRef(options?.joinPageBatch ?? false);
  const [me, setMe] = useState<Me>({ roles: [], panels: [], loading: true, actor: { roles: [], panels: [] } });
  useEffect(() => {
    let live = true;
    void readMe(services, join.current).then(
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
