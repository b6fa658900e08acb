import { useTranslation } from 'react-i18next';
import { ConflictDialog } from '../../components/ConflictDialog';

export interface ConflictRow {
  readonly field: string;
  readonly label: string;
  readonly mine: string;
  readonly theirs: string;
}

/**
 * Someone else saved the review first. Both versions are shown field by field
 * (as the record's conflict dialog does); the person keeps theirs, or, where
 * the review is still open, records their own on top of the other version.
 * What they typed stays in the form either way.
 */
export function ReviewConflict(p: {
  readonly title: string;
  readonly intro: string;
  readonly rows: readonly ConflictRow[];
  /** Absent when mine can no longer be saved (their outcome froze the review). */
  readonly onKeepMine?: () => void;
  readonly onKeepTheirs: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConflictDialog
      title={p.title}
      intro={p.intro}
      items={p.rows.map((row) => ({ key: row.field, label: row.label, mine: row.mine, theirs: row.theirs }))}
      mineLabel={t('review.conflict.mine')}
      theirsLabel={t('review.conflict.theirs')}
      first="theirs"
      actions={[
        ...(p.onKeepMine ? [{ label: t('review.conflict.recordMine'), onClick: p.onKeepMine, primary: true }] : []),
        { label: t('review.conflict.useTheirs'), onClick: p.onKeepTheirs, primary: !p.onKeepMine },
      ]}
      onDismiss={p.onKeepTheirs}
    />
  );
}
