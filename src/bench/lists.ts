/**
 * List benchmarks through the real data layer (PnPjs) against the embedded
 * list server with a 50,000-collaboration demo site:
 * - batched creates per second ($batch, 100 a batch),
 * - an indexed query over the 50,000 (median of 20 runs),
 * - reading all 50,000 with PnPjs paging vs a bare fetch loop over the same pages.
 */
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/items/index.js';
import { addDays } from '../domain/dates';
import type { Action } from '../domain/entities';
import type { CollaborationQuery } from '../domain/ports';
import { selectFor } from '../data/mappers';
import { createRepositories } from '../data/repositories';
import { COLLABORATIONS } from '../data/schema';
import { createSp } from '../data/sp';
import type { Figure } from './figure';
import { median, round, withListServer } from './measure';

export async function benchLists(options: { size?: number; creates?: number; runs?: number } = {}): Promise<Figure[]> {
  const size = options.size ?? 50_000;
  const creates = options.creates ?? 2000;
  const runs = options.runs ?? 20;
  const today = new Date().toISOString().slice(0, 10);
  const figures: Figure[] = [];
  await withListServer('bench-lists-', { demo: { size }, today }, async (server) => {
    const token = 'dev:governance';
    const sp = createSp({ siteUrl: server.siteUrl, getToken: () => Promise.resolve(token) });
    const repos = createRepositories(sp);

    // 1. Batched creates.
    const actions: Action[] = Array.from({ length: creates }, (_, i) => ({
      key: `BENCH-${Date.now()}-${i}`,
      title: `Benchmark action ${i + 1}`,
      scope: 'programme',
      dueDate: '2026-12-31',
      progress: 0,
    }));
    let start = performance.now();
    const created = await repos.actions.createMany(actions);
    const createMs = performance.now() - start;
    const failures = created.filter((r) => !r.ok).length;
    if (failures > 0) throw new Error(`${failures} of ${creates} batched creates failed`);
    figures.push({
      name: `lists.batch_create.${creates}_actions_batches_of_100`,
      value: round((creates / createMs) * 1000),
      unit: 'items/s',
    });

    // 2. Indexed queries over the register, first page of 100. As in SharePoint, the first
    //    clause must be indexed and match no more than 5,000 of the 50,000.
    const queries: [string, CollaborationQuery][] = [
      [
        'officer_active_due_30d',
        { leadOfficerId: 9, reviewDueOnOrBefore: addDays(today, 30), status: ['active'], pageSize: 100 },
      ],
      [
        'overdue_reviews',
        { reviewDueOnOrBefore: addDays(today, -1), status: ['active', 'underReview'], pageSize: 100 },
      ],
    ];
    for (const [label, query] of queries) {
      const times: number[] = [];
      let matched = 0;
      for (let i = 0; i < runs; i++) {
        start = performance.now();
        const page = await repos.collaborations.query(query);
        times.push(performance.now() - start);
        if (!page.ok) throw new Error(`indexed query failed: ${page.error.code} ${page.error.detail ?? ''}`);
        matched = page.value.items.length;
      }
      figures.push({
        name: `lists.indexed_query.${size}.${label}.top100_median_of_${runs}`,
        value: round(median(times)),
        unit: 'ms',
      });
      if (matched === 0) throw new Error(`indexed query '${label}' matched nothing: check the demo data`);
    }

    // 3. Read everything: PnPjs paging (5,000 a page) vs a bare fetch loop over the same pages.
    start = performance.now();
    const all = await repos.collaborations.all({});
    const pnpMs = performance.now() - start;
    if (!all.ok) throw new Error(`read all failed: ${all.error.code} ${all.error.detail ?? ''}`);
    figures.push({
      name: `lists.read_all.${all.value.length}.pnpjs_paging_and_mapping`,
      value: round(pnpMs),
      unit: 'ms',
    });

    start = performance.now();
    // The same request the repository makes: the schema's $select and $expand, 5,000 a page.
    const { select, expand } = selectFor(COLLABORATIONS);
    const params = new URLSearchParams({ $select: select.join(','), $expand: expand.join(','), $top: '5000' });
    let url: string | undefined =
      `${server.siteUrl}/_api/web/lists/getByTitle('Collaborations')/items?${params.toString()}`;
    let count = 0;
    while (url) {
      const response = await fetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
      const json = (await response.json()) as { value?: unknown[]; 'odata.nextLink'?: string };
      count += json.value?.length ?? 0;
      url = json['odata.nextLink'];
    }
    const bareMs = performance.now() - start;
    figures.push({
      name: `lists.read_all.${count}.bare_fetch_json_parse`,
      value: round(bareMs),
      unit: 'ms',
    });
    figures.push({ name: 'lists.read_all.pnpjs_over_bare_fetch', value: round(pnpMs / bareMs, 2), unit: 'x' });
  });
  return figures;
}
