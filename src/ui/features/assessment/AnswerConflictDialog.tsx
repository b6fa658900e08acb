import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerConflict, AssessmentTemplate } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { ConflictDialog } from '../../components/ConflictDialog';
import { answerText, questionText } from './text';

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
    <ConflictDialog
      open={open}
      title={t('assess.conflict.title')}
      intro={t('assess.conflict.intro')}
      items={conflicts.map((c) => {
        const q = byKey.get(c.questionKey);
        return {
          key: c.questionKey,
          label: q ? questionText(q, locale) : c.questionKey,
          mine: answerText(t, format, c.mine),
          theirs: answerText(t, format, c.theirs),
        };
      })}
      mineLabel={t('assess.conflict.keepMine')}
      theirsLabel={t('assess.conflict.keepTheirs')}
      choice={{ value: choices, onChange: (key, side) => setChoices((s) => ({ ...s, [key]: side })) }}
      actions={[
        { label: t('assess.conflict.save'), onClick: () => onMerge(choices), primary: true },
        { label: t('assess.conflict.cancel'), onClick: onCancel },
      ]}
      onDismiss={onCancel}
    />
  );
}
