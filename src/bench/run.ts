/**
 * `npm run bench`: performance as figures, one per line, `name: value unit`.
 * Never a timed assertion in a test: these numbers go in closing notes and the
 * CHANGELOG so a change that slows the product down is visible.
 *
 *   npm run bench                 every section
 *   npm run bench -- domain lists only the sections named
 */
import { cpus } from 'node:os';

import type { Figure } from './figure';

export type { Figure } from './figure';

type Section = () => Figure[] | Promise<Figure[]>;

const SECTIONS: Record<string, () => Promise<Section>> = {
  domain: async () => (await import('./domain')).benchDomain,
  lists: async () => (await import('./lists')).benchLists,
  reminders: async () => (await import('./reminders')).benchReminders,
  tab: async () => (await import('./tab')).benchTab,
  reports: async () => (await import('./reports')).benchReports,
  import: async () => (await import('./import')).benchImport,
  partners: async () => (await import('./partners')).benchPartners,
  plan: async () => (await import('./plan')).benchPlan,
  assess: async () => (await import('./assess')).benchAssess,
  templates: async () => (await import('./templates')).benchTemplates,
  partnerMatching: async () => (await import('./partnerMatching')).benchPartnerMatching,
  search: async () => (await import('./search')).benchSearch,
};

function format(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !(w in SECTIONS));
  if (unknown.length > 0) {
    console.error(`Unknown bench section(s): ${unknown.join(', ')}. Known: ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  const names = wanted.length > 0 ? wanted : Object.keys(SECTIONS);
  console.log(`# node ${process.version}, ${cpus().length} cores, ${new Date().toISOString()}`);
  let failed = false;
  for (const name of names) {
    const load = SECTIONS[name];
    if (!load) continue;
    try {
      const section = await load();
      for (const figure of await section()) console.log(`${figure.name}: ${format(figure.value)} ${figure.unit}`);
    } catch (error) {
      failed = true;
      console.error(`${name}: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

void main();
