import { reportNarrativeSchema, type ReportNarrative } from '../../domain/annualReport';
import { REPORT_NARRATIVES } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = REPORT_NARRATIVES;

export const REPORT_NARRATIVE_COLUMNS = {
  key: 'NarrativeKey',
  introduction: 'Introduction',
  introductionCy: 'IntroductionCy',
  keyMessages: 'KeyMessages',
  keyMessagesCy: 'KeyMessagesCy',
  recommendations: 'Recommendations',
  recommendationsCy: 'RecommendationsCy',
} as const satisfies Record<keyof ReportNarrative, string>;

const c = REPORT_NARRATIVE_COLUMNS;

/** "Annual report 2025–26": the item's title, so the list reads well in SharePoint. */
export function narrativeTitle(key: string): string {
  const m = /^annual-(\d{4})$/.exec(key);
  if (!m) return key;
  const year = Number(m[1]);
  return `Annual report ${year}–${String((year + 1) % 100).padStart(2, '0')}`;
}

export const reportNarrativeMapper: ListMapper<ReportNarrative> = {
  list,
  columns: c,
  fromItem: (item: SpItem) =>
    mapItem<ReportNarrative>(list, item, reportNarrativeSchema, c, (r) => ({
      key: r.text(c.key),
      introduction: r.optText(c.introduction),
      introductionCy: r.optText(c.introductionCy),
      keyMessages: r.optText(c.keyMessages),
      keyMessagesCy: r.optText(c.keyMessagesCy),
      recommendations: r.optText(c.recommendations),
      recommendationsCy: r.optText(c.recommendationsCy),
    })),
  toItem: (v: ReportNarrative) =>
    new ItemWriter(list)
      .text('Title', narrativeTitle(v.key))
      .text(c.key, v.key)
      .text(c.introduction, v.introduction)
      .text(c.introductionCy, v.introductionCy)
      .text(c.keyMessages, v.keyMessages)
      .text(c.keyMessagesCy, v.keyMessagesCy)
      .text(c.recommendations, v.recommendations)
      .text(c.recommendationsCy, v.recommendationsCy)
      .build(),
  keyOf: (v) => v.key,
};
