/**
 * Assessment templates: generating the demo (with its four templates and
 * scored assessments) at 60 and 50,000 collaborations; provisioning the four
 * shipped templates into an empty site and a second run that leaves them
 * alone (time and requests); reading every published template; and what the
 * template editor's publish costs (re-read, save of a 16-question version).
 */
import { performance } from 'node:perf_hooks';
import { provision } from '../data/provisioning';
import { TemplateRepository } from '../data/repositories/templates';
import { draftFrom, publishTemplate } from '../domain';
import { SHIPPED_TEMPLATES } from '../domain/shippedTemplates';
import { generateDemoData } from '../local/demo';
import { startListServer } from '../local/server';
import type { Figure } from './figure';
import { countedSp } from './measure';

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

export async function benchTemplates(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const size of [60, 50_000]) {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i += 1)
      best = Math.min(best, (await timed(() => generateDemoData('2026-03-02', { size })))[1]);
    figures.push({ name: `templates.demo_generate.${size}_collabs`, value: Math.round(best), unit: 'ms' });
  }

  const server = await startListServer({ port: 0, dataFile: ':memory:', empty: true });
  try {
    const { sp, requests } = countedSp(server.siteUrl, 'dev:governance');
    // The lists first, so that the figures below are the templates' own.
    await provision(sp, { templates: [] });

    requests.count = 0;
    const [, seedMs] = await timed(() => provision(sp));
    const seedRequests = requests.count;
    requests.count = 0;
    const [, againMs] = await timed(() => provision(sp));
    const againRequests = requests.count;
    requests.count = 0;
    await provision(sp, { templates: [] });
    const schemaOnly = requests.count;
    figures.push(
      { name: 'templates.provision.seed_4_templates', value: Math.round(seedMs), unit: 'ms' },
      { name: 'templates.provision.seed_4_templates.requests', value: seedRequests - schemaOnly, unit: 'requests' },
      { name: 'templates.provision.second_run', value: Math.round(againMs), unit: 'ms' },
      { name: 'templates.provision.second_run.template_requests', value: againRequests - schemaOnly, unit: 'requests' },
    );

    const repo = new TemplateRepository(sp);
    requests.count = 0;
    const [published, readMs] = await timed(() => repo.published());
    figures.push(
      { name: 'templates.published_read', value: Math.round(readMs), unit: 'ms' },
      { name: 'templates.published_read.requests', value: requests.count, unit: 'requests' },
    );
    const latest = published.ok ? published.value.find((t) => t.key === 'governance-arrangements') : undefined;
    if (latest) {
      const next = publishTemplate(draftFrom(latest), published.ok ? published.value : []);
      if (next.ok) {
        requests.count = 0;
        const [, publishMs] = await timed(async () => {
          await repo.version(next.value.key, next.value.version);
          await repo.save(next.value);
        });
        figures.push(
          { name: 'templates.publish.16_questions', value: Math.round(publishMs), unit: 'ms' },
          { name: 'templates.publish.16_questions.requests', value: requests.count, unit: 'requests' },
        );
      }
    }
    figures.push({
      name: 'templates.shipped.questions',
      value: SHIPPED_TEMPLATES.reduce((n, t) => n + t.questions.length, 0),
      unit: 'questions',
    });
  } finally {
    await server.close();
  }
  return figures;
}
