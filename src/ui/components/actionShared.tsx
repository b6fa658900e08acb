import { makeStyles, Text, tokens, mergeClasses } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActionStatus, DomainError } from '../../domain';
import { domainErrorMessage } from './messages';

/**
 * Pieces the action plan, the record's actions, a review's outcome form and
 * Home's "My actions" share: status said with a symbol AND words (never colour
 * alone), client-made keys, and messages by field.
 */

const SYMBOL: Readonly<Record<ActionStatus, string>> = {
  overdue: '⚠',
  atRisk: '◔',
  onTrack: '●',
  complete: '✓',
  notStarted: '○',
};

const useStyles = makeStyles({
  status: {
    display: 'inline-flex',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalXS,
    whiteSpace: 'nowrap',
  },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  atRisk: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  onTrack: { color: tokens.colorPaletteGreenForeground1 },
  complete: { color: tokens.colorNeutralForeground2 },
  notStarted: { color: tokens.colorNeutralForeground2 },
});

/** An action's status: a symbol (hidden from screen readers) and its name. */
export function StatusLabel({ status }: { readonly status: ActionStatus }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Text className={mergeClasses(styles.status, styles[status])} data-status={status}>
      <span aria-hidden="true">{SYMBOL[status]}</span>
      <span>{t(`vocab.actionStatus.${status}`)}</span>
    </Text>
  );
}

/** A client-made unique key (`ACT-…`, `REV-…`): a create sent twice is recognised as one. */
export function newKey(prefix: 'ACT' | 'REV'): string {
  const random =
    typeof globalThis.crypto?.randomUUID === 'function'
      ? globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12)
      : `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return `${prefix}-${random.toUpperCase()}`;
}

/** The first message for each field, by its full path (`actions.0.dueDate`). */
export function messagesByField(t: TFunction, errors: readonly DomainError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] ??= domainErrorMessage(t, e);
  return out;
}
