import { parseSubPage } from '../../teams/deepLinks';
import type { HostContext } from '../../teams/host';
import { parseTabEntityId, tabContentUrl } from '../../teams/host';
import { paths } from './router';

/**
 * Where the tab opens: a deep link's record (`subPageId` = `collaboration:COL-0042`) or
 * review (`review:REV-…`, a panel's card) or a year's assurance statements (`statements:2026`,
 * a statement reminder's card) or the action plan (`actionPlan`, an action reminder's card) wins; then the address's own route; then, for a channel tab opened without
 * one, the view its configuration chose. Undefined: stay where the address is.
 */
export function startRoute(context: HostContext, currentHash: string): string | undefined {
  const sub = parseSubPage(context.subPageId);
  if (sub?.kind === 'review') return paths.review(sub.key);
  if (sub?.kind === 'statements') return paths.statements(sub.year);
  if (sub?.kind === 'actionPlan') return paths.actionPlan();
  if (sub) return paths.record(sub.reference);
  const hasRoute = currentHash.startsWith('#/') && currentHash.length > 2;
  if (hasRoute) return undefined;
  if (context.entityId && context.entityId !== 'home' && context.frameContext !== 'settings') {
    const url = tabContentUrl('', parseTabEntityId(context.entityId));
    const hash = url.slice(url.indexOf('#'));
    return hash;
  }
  if (context.frameContext === 'settings') return paths.config();
  return undefined;
}
