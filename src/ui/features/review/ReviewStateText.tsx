import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReviewProgress } from '../../../domain';

const SYMBOL = { held: '✓', overdue: '⚠', dueToday: '◉', dueSoon: '◔', onTrack: '○', notScheduled: '–' } as const;

/** Where a review stands, with a symbol and words (never colour alone). */
export function ReviewStateText({ progress }: { readonly progress: ReviewProgress }) {
  const { t } = useTranslation();
  const words =
    progress.state === 'held'
      ? t('review.state.held', { outcome: t(`vocab.outcome.${progress.outcome}`) })
      : t(`tab.reviewState.${progress.state}`);
  return (
    <Text data-state={progress.state}>
      <span aria-hidden="true">{SYMBOL[progress.state]} </span>
      {words}
    </Text>
  );
}
