/**
 * Officers named in a file, looked up among the site's people (by e-mail or
 * display name), once per distinct name. A name nobody has is left out; the
 * row then carries a `personNotFound` note and the field is not changed.
 */
import type { Person } from '../domain/collaboration';
import type { RepoResult } from '../domain/ports';
import { fold } from '../domain/import';

export async function resolvePeople(
  names: readonly string[],
  search: (text: string, limit?: number) => Promise<RepoResult<Person[]>>,
): Promise<Person[]> {
  const out = new Map<number, Person>();
  for (const name of names) {
    const r = await search(name, 5);
    if (!r.ok) continue;
    const wanted = name.includes('@') ? name.toLocaleLowerCase('en-GB') : fold(name);
    const match = r.value.find((p) =>
      name.includes('@') ? p.email?.toLocaleLowerCase('en-GB') === wanted : fold(p.displayName) === wanted,
    );
    if (match) out.set(match.id, match);
  }
  return [...out.values()];
}
