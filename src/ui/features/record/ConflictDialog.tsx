import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaboration, Stored } from '../../../domain';
import { ConflictDialog as Conflict } from '../../components/ConflictDialog';
import { changedFields, unstoredRecord } from '../../components/formState';
import { defaultChoice, type Choice } from './useRecord';

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
  const { t } = useTranslation();
  const fields = changedFields(mine, unstoredRecord(theirs));
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(fields.map((f) => [f, defaultChoice(f, mine, base)])),
  );

  return (
    <Conflict
      title={t('tab.conflict.title')}
      intro={t('tab.conflict.intro')}
      empty={t('tab.conflict.noDifference')}
      items={fields.map((field) => ({
        key: field,
        label: t(`fields.${field}`, { defaultValue: field }),
        mine: valueText(field, mine[field]),
        theirs: valueText(field, theirs[field]),
      }))}
      mineLabel={t('tab.conflict.keepMine')}
      theirsLabel={t('tab.conflict.keepTheirs')}
      choice={{ value: choices, onChange: (field, side) => setChoices((c) => ({ ...c, [field]: side })) }}
      actions={[
        { label: t('tab.conflict.save'), onClick: () => onMerge(choices), primary: true },
        { label: t('tab.conflict.cancel'), onClick: onCancel },
      ]}
      onDismiss={onCancel}
    />
  );
}
