import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useConflictStyles } from '../../components/conflictStyles';

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
  const styles = useConflictStyles();
  const { t } = useTranslation();
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && p.onKeepTheirs()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{p.title}</DialogTitle>
          <DialogContent>
            <Text as="p">{p.intro}</Text>
            <ul className={styles.list}>
              {p.rows.map((row) => (
                <li key={row.field} className={styles.item}>
                  <Text weight="semibold">{row.label}</Text>
                  <div className={styles.values}>
                    <div>
                      <Text size={200}>{t('review.conflict.theirs')}</Text>
                      <p className={styles.value} data-testid={`theirs-${row.field}`}>
                        {row.theirs}
                      </p>
                    </div>
                    <div>
                      <Text size={200}>{t('review.conflict.mine')}</Text>
                      <p className={styles.value} data-testid={`mine-${row.field}`}>
                        {row.mine}
                      </p>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            {p.onKeepMine ? (
              <Button appearance="primary" onClick={p.onKeepMine}>
                {t('review.conflict.recordMine')}
              </Button>
            ) : null}
            <Button appearance={p.onKeepMine ? 'secondary' : 'primary'} onClick={p.onKeepTheirs}>
              {t('review.conflict.useTheirs')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
