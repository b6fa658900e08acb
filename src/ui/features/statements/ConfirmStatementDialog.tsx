/**
 * Confirm one directorate's statement for a year: "complete and correct", or "not yet" with a
 * comment saying what is missing. The use case checks who may and what is valid; a confirmation
 * someone else saved meanwhile opens the conflict dialog with both statements, so neither is lost.
 */
import { Field, makeStyles, Radio, RadioGroup, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/ModalDialog';
import { confirmStatement } from '../../../app/confirmStatement';
import type { Collaboration, DomainError, Person } from '../../../domain';
import type { AssuranceStatement, DirectorateAssurance } from '../../../domain/assuranceStatement';
import type { Actor } from '../../../domain/policy';
import type { Stored } from '../../../domain/ports';
import { useApp, useFormat, useServices } from '../../app/context';
import { ConflictDialog } from '../../components/ConflictDialog';
import { domainErrorMessage, repoErrorMessage } from '../../components/messages';
import { useDirectorateLabel } from '../../components/useLookups';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export interface ConfirmStatementDialogProps {
  readonly year: number;
  readonly yearLabel: string;
  readonly line: DirectorateAssurance;
  /** The stored statement, with the ETag a change updates over. */
  readonly base?: Stored<AssuranceStatement>;
  readonly me: Person;
  readonly actor: Actor;
  readonly records: readonly Pick<Collaboration, 'directorate' | 'headOfService'>[];
  readonly onSaved: (saved: Stored<AssuranceStatement>) => void;
  readonly onCancel: () => void;
}

export function ConfirmStatementDialog(props: ConfirmStatementDialogProps) {
  const { year, yearLabel, line, me, actor, records, onSaved, onCancel } = props;
  const { t } = useTranslation();
  const directorateLabel = useDirectorateLabel();
  const styles = useStyles();
  const app = useApp();
  const services = useServices();
  const format = useFormat();
  const [base, setBase] = useState(props.base);
  const [complete, setComplete] = useState(props.base?.complete ?? true);
  const [comment, setComment] = useState(props.base?.comment ?? '');
  const [errors, setErrors] = useState<readonly DomainError[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<
    { mine: AssuranceStatement; theirs?: Stored<AssuranceStatement> } | undefined
  >();

  const save = async (over?: Stored<AssuranceStatement>) => {
    setSaving(true);
    setFailure(undefined);
    const on = over ?? base;
    const r = await confirmStatement(services.stores.assuranceStatements, {
      statement: { year, directorate: line.directorate, confirmedBy: me, confirmedOn: app.today, complete, comment },
      ...(on ? { base: on } : {}),
      actor,
      records,
    });
    setSaving(false);
    if (r.ok) return onSaved(r.value);
    if ('invalid' in r) return setErrors(r.invalid);
    setErrors([]);
    if ('forbidden' in r) return setFailure(t('tab.statements.confirm.forbidden'));
    if ('conflict' in r) return setConflict(r.conflict);
    setFailure(repoErrorMessage(t, r.error));
  };

  const commentError = errors.find((e) => e.field === 'comment');
  const stateText = (s: Pick<AssuranceStatement, 'complete'>) =>
    s.complete ? t('tab.statements.state.complete') : t('tab.statements.state.notYet');
  const statementText = (s: AssuranceStatement) =>
    [stateText(s), `${s.confirmedBy.displayName}, ${format.date(s.confirmedOn)}`].join(' · ');

  if (conflict) {
    const theirs = conflict.theirs;
    return (
      <ConflictDialog
        title={t('tab.statements.conflict.title')}
        intro={t('tab.statements.conflict.intro')}
        items={[
          {
            key: 'statement',
            label: t('tab.statements.conflict.statement'),
            mine: statementText(conflict.mine),
            theirs: theirs ? statementText(theirs) : '',
          },
          {
            key: 'comment',
            label: t('tab.statements.columns.comment'),
            mine: conflict.mine.comment ?? '',
            theirs: theirs?.comment ?? '',
          },
        ]}
        mineLabel={t('tab.statements.conflict.mine')}
        theirsLabel={t('tab.statements.conflict.theirs')}
        actions={[
          {
            label: t('tab.statements.conflict.saveMine'),
            primary: true,
            onClick: () => {
              setConflict(undefined);
              if (theirs) setBase(theirs);
              void save(theirs);
            },
          },
          { label: t('tab.statements.conflict.keepTheirs'), onClick: () => (theirs ? onSaved(theirs) : onCancel()) },
        ]}
        onDismiss={() => setConflict(undefined)}
      />
    );
  }

  return (
    <ModalDialog
      title={t('tab.statements.confirm.title', { directorate: directorateLabel(line.directorate), year: yearLabel })}
      busy={saving}
      onSubmit={() => void save()}
      primaryLabel={saving ? t('tab.statements.confirm.saving') : t('tab.statements.confirm.save')}
      cancelLabel={t('tab.statements.confirm.cancel')}
      onCancel={onCancel}
      contentClassName={styles.form}
      failure={failure}
    >
      {/* The tab's own message says what a "not yet" needs, in the person's language. */}
      <Field label={t('tab.statements.confirm.choice')}>
        <RadioGroup value={complete ? 'complete' : 'notYet'} onChange={(_e, d) => setComplete(d.value === 'complete')}>
          <Radio value="complete" label={t('tab.statements.confirm.complete')} />
          <Radio value="notYet" label={t('tab.statements.confirm.notYet')} />
        </RadioGroup>
      </Field>
      <Field
        label={t('tab.statements.confirm.comment')}
        hint={t('tab.statements.confirm.commentHint')}
        required={!complete}
        {...(commentError
          ? {
              validationState: 'error' as const,
              validationMessage:
                commentError.code === 'required'
                  ? t('tab.statements.confirm.commentRequired')
                  : domainErrorMessage(t, commentError),
            }
          : {})}
      >
        <Textarea value={comment} onChange={(_e, d) => setComment(d.value)} resize="vertical" rows={5} />
      </Field>
    </ModalDialog>
  );
}
