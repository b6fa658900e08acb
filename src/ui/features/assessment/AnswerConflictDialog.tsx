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
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerConflict, AssessmentTemplate } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { answerText, questionText } from './text';
import { useConflictStyles } from '../../components/conflictStyles';

export interface AnswerConflictDialogProps {
  /** Kept mounted and opened or closed, so the dialog gives the page back when it closes. */
  readonly open: boolean;
  readonly template: AssessmentTemplate;
  readonly conflicts: readonly AnswerConflict[];
  readonly onMerge: (choices: Record<string, 'mine' | 'theirs'>) => void;
  readonly onCancel: () => void;
}

/**
 * Someone else saved answers to the same draft. Question by question, both
 * answers are shown; the person keeps either, and the merge is saved on top
 * of the other person's version. Nothing is overwritten silently.
 */
export function AnswerConflictDialog({ open, template, conflicts, onMerge, onCancel }: AnswerConflictDialogProps) {
  const styles = useConflictStyles();
  const { t } = useTranslation();
  const { locale } = useApp();
  const format = useFormat();
  const suggested = useMemo(
    () => Object.fromEntries(conflicts.map((c) => [c.questionKey, c.suggested])) as Record<string, 'mine' | 'theirs'>,
    [conflicts],
  );
  const [picked, setPicked] = useState<{ for: readonly AnswerConflict[]; choices: Record<string, 'mine' | 'theirs'> }>({
    for: conflicts,
    choices: suggested,
  });
  // A new conflict starts from the suggestions again.
  const choices = picked.for === conflicts ? picked.choices : suggested;
  const setChoices = (update: (c: Record<string, 'mine' | 'theirs'>) => Record<string, 'mine' | 'theirs'>) =>
    setPicked({ for: conflicts, choices: update(choices) });
  const byKey = new Map(template.questions.map((q) => [q.key, q]));

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('assess.conflict.title')}</DialogTitle>
          <DialogContent>
            <Text as="p">{t('assess.conflict.intro')}</Text>
            <ul className={styles.list}>
              {conflicts.map((c) => {
                const q = byKey.get(c.questionKey);
                const label = q ? questionText(q, locale) : c.questionKey;
                return (
                  <li key={c.questionKey} className={styles.item}>
                    <RadioGroup
                      aria-label={label}
                      value={choices[c.questionKey]}
                      onChange={(_e, d) => setChoices((s) => ({ ...s, [c.questionKey]: d.value as 'mine' | 'theirs' }))}
                    >
                      <Text weight="semibold">{label}</Text>
                      <div className={styles.values}>
                        <div>
                          <Radio value="mine" label={t('assess.conflict.keepMine')} />
                          <Text as="p" className={styles.value} data-testid={`mine-${c.questionKey}`}>
                            {answerText(t, format, c.mine)}
                          </Text>
                        </div>
                        <div>
                          <Radio value="theirs" label={t('assess.conflict.keepTheirs')} />
                          <Text as="p" className={styles.value} data-testid={`theirs-${c.questionKey}`}>
                            {answerText(t, format, c.theirs)}
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
              {t('assess.conflict.save')}
            </Button>
            <Button onClick={onCancel}>{t('assess.conflict.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
