/**
 * Teams deep links to a record in the tab (TOOLCHAIN.md, Teams): pure string
 * building, no teams-js, so the tab and the reminder cards share it.
 * https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=...&label=...&context={"subEntityId":...,"channelId":...}
 * Teams reads `subEntityId` from the link and hands it to the tab as `page.subPageId`.
 */
export const DEEP_LINK_MAX_LENGTH = 1900;

export interface RecordLink {
  readonly appId: string;
  /** The tab's entityId: `home` for the personal tab, or a channel tab's entity id. */
  readonly entityId: string;
  /** What the tab opens, e.g. `collaboration:COL-0042`. */
  readonly subPageId: string;
  /** The same page outside Teams (the tab's web address), used by browsers without Teams. */
  readonly webUrl?: string;
  readonly label?: string;
  readonly channelId?: string;
}

export function recordDeepLink(link: RecordLink): string {
  const context: Record<string, string> = { subEntityId: link.subPageId };
  if (link.channelId) context.channelId = link.channelId;
  const params = new URLSearchParams();
  if (link.webUrl) params.set('webUrl', link.webUrl);
  if (link.label) params.set('label', link.label.slice(0, 100));
  params.set('context', JSON.stringify(context));
  const url = `https://teams.microsoft.com/l/entity/${encodeURIComponent(link.appId)}/${encodeURIComponent(link.entityId)}?${params.toString().replace(/\+/g, '%20')}`;
  if (url.length > DEEP_LINK_MAX_LENGTH && link.label) return recordDeepLink({ ...link, label: '' });
  return url;
}

/** The tab's sub-page ids: which record a link opens. */
export function collaborationSubPage(reference: string): string {
  return `collaboration:${reference}`;
}

/** A review's sub-page id: a panel's card opens the review itself. */
export function reviewSubPage(reviewKey: string): string {
  return `review:${reviewKey}`;
}

/** A year's annual assurance statements: a statement reminder's card opens them. */
export function statementsSubPage(year: number): string {
  return `statements:${year}`;
}

/** The programme's 12-month action plan: an action reminder's card opens it. */
export function actionPlanSubPage(): string {
  return 'actionPlan';
}

export function parseSubPage(
  subPageId: string | undefined,
):
  | { kind: 'collaboration'; reference: string }
  | { kind: 'review'; key: string }
  | { kind: 'statements'; year: number }
  | { kind: 'actionPlan' }
  | undefined {
  if (subPageId?.startsWith('collaboration:')) return { kind: 'collaboration', reference: subPageId.slice(14) };
  if (subPageId?.startsWith('review:')) return { kind: 'review', key: subPageId.slice(7) };
  const year = /^statements:(\d{4})$/.exec(subPageId ?? '')?.[1];
  if (year !== undefined) return { kind: 'statements', year: Number(year) };
  if (subPageId === actionPlanSubPage()) return { kind: 'actionPlan' };
  return undefined;
}
