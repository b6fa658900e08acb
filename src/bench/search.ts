/**
 * The register's search (issue 16) through the real data layer (PnPjs) against the
 * embedded list server, over 5,000 collaborations (at the list view threshold: the
 * `$filter` path, with search for the purpose) and 50,000 (past it: SharePoint search,
 * then the page's records in one `$batch`):
 * - the first results of a search (its first page of 100), median of some runs;
 * - the register's first page with no search (the same page size and sort), median too;
 * - the first as a ratio to the second;
 * - the list API requests the first page of a search takes.
 */
import type { CollaborationQuery } from '../domain/ports';
import { createRepositories } from '../data/repositories';
import type { Figure } from './figure';
import { countedSp, median, round, withListServer } from './measure';

/** A rare word (a name in the middle) and a common one (a footprint in hundreds of names). */
const WORDS = [
  ['safeguarding', 'Safeguarding'],
  ['gwent', 'Gwent'],
] as const;

export async function benchSearch(options: { sizes?: readonly number[]; runs?: number } = {}): Promise<Figure[]> {
  const sizes = options.sizes ?? [5000, 50_000];
  const runs = options.runs ?? 7;
  const figures: Figure[] = [];
  for (const size of sizes) {
    const today = new Date().toISOString().slice(0, 10);
    await withListServer('bench-search-', { demo: { size }, today }, async (server) => {
      const { sp, requests } = countedSp(server.siteUrl, 'dev:officer');
      const repos = createRepositories(sp);
      const register: CollaborationQuery = { orderBy: { field: 'reference', direction: 'asc' }, pageSize: 100 };
      const time = async (query: CollaborationQuery): Promise<{ ms: number; rows: number }> => {
        const times: number[] = [];
        let rows = 0;
        // One unmeasured run first: the repository learns the list's id and, past the
        // threshold, that a search `$filter` is refused (once a session).
        for (let i = 0; i <= runs; i++) {
          const start = performance.now();
          const page = await repos.collaborations.query(query);
          const ms = performance.now() - start;
          if (!page.ok) throw new Error(`query failed: ${page.error.code} ${page.error.detail ?? ''}`);
          rows = page.value.items.length;
          if (i > 0) times.push(ms);
        }
        return { ms: median(times), rows };
      };
      const firstPage = await time(register);
      if (firstPage.rows === 0) throw new Error('the register’s first page is empty');
      figures.push({
        name: `search.register_first_page.${size}.top100_median_of_${runs}`,
        value: round(firstPage.ms),
        unit: 'ms',
      });
      for (const [label, word] of WORDS) {
        const found = await time({ ...register, search: word });
        if (found.rows === 0) throw new Error(`search '${word}' found nothing in ${size}`);
        figures.push({
          name: `search.first_results.${size}.${label}.top100_median_of_${runs}`,
          value: round(found.ms),
          unit: 'ms',
        });
        figures.push({
          name: `search.first_results.${size}.${label}.over_register_first_page`,
          value: round(found.ms / firstPage.ms, 2),
          unit: 'x',
        });
        requests.count = 0;
        await repos.collaborations.query({ ...register, search: word });
        figures.push({
          name: `search.first_results.${size}.${label}.list_api_requests`,
          value: requests.count,
          unit: 'requests',
        });
      }
    });
  }
  return figures;
}
