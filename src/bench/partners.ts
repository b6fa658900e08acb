/**
 * The partner register's figures, through the real data layer against the embedded list
 * server, on a register below the list view threshold (1,000 records) and above it (6,000):
 * - reading which partners every record names (the register's counts), median of 5;
 * - finding the records that name one partner: `PartnersId eq` below the threshold, the
 *   ID-ordered read above it (SharePoint cannot index a multi-value lookup), median of 5;
 * - a merge that re-points 50 records: its time and its HTTP requests.
 */
import { mergePartners } from '../app/mergePartners';
import { createRepositories } from '../data/repositories';
import type { Actor } from '../domain/policy';
import type { Figure } from './figure';
import { countedSp, median, round, withListServer } from './measure';

const RUNS = 5;
const GOVERNANCE: Actor = { roles: ['governance'], panels: [] };
const MERGED_RECORDS = 50;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await f();
  return [value, performance.now() - start];
}

async function benchSize(size: number): Promise<Figure[]> {
  const today = new Date().toISOString().slice(0, 10);
  const figures: Figure[] = [];
  await withListServer('bench-partners-', { demo: { size }, today }, async (server) => {
    const { sp, requests } = countedSp(server.siteUrl, 'dev:governance');
    const repos = createRepositories(sp);

    const allTimes: number[] = [];
    let records = 0;
    for (let i = 0; i < RUNS; i++) {
      const [r, ms] = await timed(() => repos.collaborations.partnerLinks());
      if (!r.ok) throw new Error(`partner links: ${r.error.code}`);
      records = r.value.length;
      allTimes.push(ms);
    }
    figures.push({
      name: `partners.links_all.${records}_records.median_of_${RUNS}`,
      value: round(median(allTimes)),
      unit: 'ms',
    });

    const partners = await repos.partners.all();
    if (!partners.ok || partners.value.length < 2) throw new Error('no partners');
    const [keep, , third] = partners.value;
    const oneTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [r, ms] = await timed(() => repos.collaborations.partnerLinks(third?.id ?? keep!.id));
      if (!r.ok) throw new Error(`partner links of one: ${r.error.code}`);
      oneTimes.push(ms);
    }
    figures.push({
      name: `partners.links_naming_one.${records}_records.${records > 5000 ? 'past_threshold_read_in_id_order' : 'filtered'}.median_of_${RUNS}`,
      value: round(median(oneTimes)),
      unit: 'ms',
    });

    // A duplicate named on 50 records, merged into the first partner.
    const dupe = await repos.partners.create({
      key: `bench-dupe-${Date.now()}`,
      name: 'Bench duplicate',
      sector: 'other',
    });
    if (!dupe.ok) throw new Error(`create: ${dupe.error.code}`);
    const links = await repos.collaborations.partnerLinks();
    if (!links.ok) throw new Error('links');
    for (const l of links.value.slice(0, MERGED_RECORDS)) {
      const r = await repos.collaborations.setPartners({ ...l, partnerIds: [...l.partnerIds, dupe.value.id] });
      if (!r.ok) throw new Error(`name the duplicate: ${r.error.code}`);
    }
    requests.count = 0;
    const [merged, ms] = await timed(() =>
      mergePartners(repos, { keepId: keep!.id, mergeId: dupe.value.id, actor: GOVERNANCE }),
    );
    if (!merged.ok || merged.value.recordsChanged !== MERGED_RECORDS)
      throw new Error('merge did not re-point every record');
    figures.push({ name: `partners.merge.${MERGED_RECORDS}_records_of_${records}`, value: round(ms), unit: 'ms' });
    figures.push({
      name: `partners.merge.${MERGED_RECORDS}_records_of_${records}.requests`,
      value: requests.count,
      unit: 'requests',
    });
  });
  return figures;
}

export async function benchPartners(): Promise<Figure[]> {
  return [...(await benchSize(1000)), ...(await benchSize(6000))];
}
