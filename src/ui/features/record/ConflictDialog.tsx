import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaboration, Stored } from '../../../domain';
import { changedFields, unstoredRecord } from '../../components/formState';
import { defaultChoice, type Choice } from './useRecord';
import { useConflictStyles } from '../../components/conflictStyles';

export interface ConflictDialogProps {
  readonly mine: Collaboration;
  readonly theirs: Stored<Collaboration>;
  readonly base: Collaboration;
  readonly valueText: (field: string, value: unknown) => string;
  readonly onMerge: (choices: Record<string, Choice>) => void;
  readonly onCancel: () => void;
}

/**
 * Someone else saved the record while this person was editing it. Field by
 * field, their change and this person's are shown side by side; the person
 * keeps either for each, and the merge is saved on top of the other person's
 * version. What the person typed is never thrown away by this dialog.
 */
export function ConflictDialog({ mine, theirs, base, valueText, onMerge, onCancel }: ConflictDialogProps) {
  const styles = useConflictStyles();
  const { t } = useTranslation();
  const fields = changedFields(mine, unstoredRecord(theirs));
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(fields.map((f) => [f, defaultChoice(f, mine, base)])),
  );

  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('tab.conflict.title')}</DialogTitle>
          <DialogContent>
            <Text as="p">{t('tab.conflict.intro')}</Text>
            {fields.length === 0 ? <Text as="p">{t('tab.conflict.noDifference')}</Text> : null}
            <ul className={styles.list}>
              {fields.map((field) => {
                const label = t(`fields.${field}`, { defaultValue: field });
                return (
                  <li key={field} className={styles.item}>
                    <RadioGroup
                      aria-label={label}
                      value={choices[field]}
                      onChange={(_e, d) => setChoices((c) => ({ ...c, [field]: d.value as Choice }))}
                    >
                      <Text weight="semibold">{label}</Text>
                      <div className={styles.values}>
                        <div>
                          <Radio value="mine" label={t('tab.conflict.keepMine')} />
                          <Text as="p" className={styles.value} data-testid={`mine-${field}`}>
                            {valueText(field, mine[field])}
                          </Text>
                        </div>
                        <div>
                          <Radio value="theirs" label={t('tab.conflict.keepTheirs')} />
                          <Text as="p" className={styles.value} data-testid={`theirs-${field}`}>
                            {valueText(field, theirs[field])}
                          </Text>
                        </div>
                      </div>
                    </RadioGroup>
                  </li>
                );
              })}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onMerge(choices)}>
              {t('tab.conflict.save')}
            </Button>
            <Button onClick={onCancel}>{t('tab.conflict.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
