import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/ModalDialog';
import { editAction, type Action, type Collaboration, type Stored } from '../../../domain';
import { may } from '../../../domain/policy';
import { useFormat, useServices } from '../../app/context';
import { ActionForm, useActionSave, type ActionDraft } from '../../components/ActionFields';
import { ConflictDialog, type ConflictItem } from '../../components/ConflictDialog';
import { useMe } from '../../components/useRoles';
import type { PlanGridProps } from './PlanGrid';

const useStyles = makeStyles({
  add: { marginBottom: tokens.spacingVerticalL },
  controls: { display: 'inline-flex', columnGap: tokens.spacingHorizontalXS },
});

export interface ActionManagement {
  /** The edit form, the delete dialog and the "saved"/"deleted" notice, to place above the grid. */
  readonly view: ReactNode;
  /** PlanGrid's props for the edit and delete controls of the actions shown (none when the person may manage none). */
  readonly grid: (actions: readonly Stored<Action>[]) => Pick<PlanGridProps, 'rowActions' | 'rowActionsLabel'>;
}

/**
 * Editing and deleting actions on a grid of them, for those the role policy lets manage each
 * (its owner, its record's lead officer, the governance team): everyone else sees no control.
 * `recordOf` names an action's record (for its lead officer); `reload` reads the plan again.
 */
export function useActionManagement(p: {
  readonly recordOf: (action: Stored<Action>) => Pick<Collaboration, 'leadOfficer'> | undefined;
  readonly reload: () => void;
}): ActionManagement {
  const styles = useStyles();
  const { t } = useTranslation();
  const me = useMe();
  const [editing, setEditing] = useState<Stored<Action> | undefined>();
  const [deleting, setDeleting] = useState<Stored<Action> | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const actor = me.actor;
  const mayManage = (action: Stored<Action>) => {
    const record = p.recordOf(action);
    return !me.loading && may(actor, { kind: 'manageAction', action, ...(record ? { record } : {}) });
  };

  const view = (
    <>
      {editing ? (
        <div className={styles.add}>
          <ActionEditForm
            key={`${editing.id}-${editing.etag}`}
            action={editing}
            onSaved={() => {
              setEditing(undefined);
              setNotice(t('review.action.saved'));
              p.reload();
            }}
            onCancel={() => setEditing(undefined)}
          />
        </div>
      ) : null}
      {deleting ? (
        <DeleteActionDialog
          action={deleting}
          onDeleted={() => {
            setDeleting(undefined);
            setNotice(t('review.action.deleted'));
            p.reload();
          }}
          onClose={(changed) => {
            setDeleting(undefined);
            if (changed) p.reload();
          }}
        />
      ) : null}
      <div role="status" aria-live="polite">
        {notice ? <Text as="p">{notice}</Text> : null}
      </div>
    </>
  );

  const controls = (action: Stored<Action>) =>
    mayManage(action) ? (
      <span className={styles.controls}>
        <Button
          size="small"
          aria-label={t('review.action.editLabel', { title: action.title })}
          onClick={() => {
            setNotice(undefined);
            setEditing(action);
          }}
        >
          {t('review.action.edit')}
        </Button>
        <Button
          size="small"
          aria-label={t('review.action.deleteLabel', { title: action.title })}
          onClick={() => {
            setNotice(undefined);
            setDeleting(action);
          }}
        >
          {t('review.action.delete')}
        </Button>
      </span>
    ) : null;

  return {
    view,
    grid: (actions) =>
      actions.some(mayManage) ? { rowActions: controls, rowActionsLabel: t('review.action.manage') } : {},
  };
}

/** The form's fields as the action holds them. */
export const draftOf = (a: Action): ActionDraft => ({
  key: a.key,
  title: a.title,
  ...(a.owner ? { owner: a.owner } : {}),
  ...(a.startDate ? { startDate: a.startDate } : {}),
  ...(a.dueDate ? { dueDate: a.dueDate } : {}),
});

/** The fields a manager changes, mine against theirs, as the person reads them. */
function useEditedItems(): (mine: ActionDraft, theirs: Action) => ConflictItem[] {
  const { t } = useTranslation();
  const format = useFormat();
  return (mine, theirs) => {
    const owner = (p: ActionDraft['owner']) => p?.displayName ?? t('review.action.noOwner');
    return [
      { key: 'title', label: t('review.action.title'), mine: mine.title, theirs: theirs.title },
      { key: 'owner', label: t('review.action.owner'), mine: owner(mine.owner), theirs: owner(theirs.owner) },
      {
        key: 'startDate',
        label: t('review.action.start'),
        mine: format.date(mine.startDate) || '–',
        theirs: format.date(theirs.startDate) || '–',
      },
      {
        key: 'dueDate',
        label: t('review.action.due'),
        mine: format.date(mine.dueDate) || '–',
        theirs: format.date(theirs.dueDate) || '–',
      },
    ];
  };
}

/**
 * Edits one action's title, owner, start and due: checked by the domain, then saved with the
 * ETag it was read with. If someone else saved first, both versions are shown and the person
 * saves theirs on top or takes the other; what they typed stays in the form until they choose.
 */
export function ActionEditForm(p: {
  readonly action: Stored<Action>;
  readonly onSaved: (action: Stored<Action>) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { stores } = useServices();
  const items = useEditedItems();
  const [base, setBase] = useState(p.action);
  const [draft, setDraft] = useState<ActionDraft>(() => draftOf(p.action));
  const [conflict, setConflict] = useState<Stored<Action> | undefined>();
  const state = useActionSave();

  const save = (on: Stored<Action>) =>
    state.save(
      editAction(on, {
        title: draft.title,
        ...(draft.owner ? { owner: draft.owner } : {}),
        ...(draft.startDate ? { startDate: draft.startDate } : {}),
        ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
      }),
      (a) => stores.actions.update(a),
      { saved: p.onSaved, conflict: setConflict },
    );

  return (
    <ActionForm
      label={t('review.action.editLabel', { title: p.action.title })}
      heading
      name="editAction"
      draft={draft}
      onChange={setDraft}
      state={state}
      failureTitle={t('review.nothingSaved')}
      saveLabel={t('review.action.saveChanges')}
      onSubmit={() => void save(base)}
      onCancel={p.onCancel}
    >
      {conflict ? (
        <ConflictDialog
          title={t('review.progress.conflictTitle')}
          intro={t('review.conflict.detailsIntro')}
          items={items(draft, conflict)}
          mineLabel={t('review.conflict.mine')}
          theirsLabel={t('review.conflict.theirs')}
          first="theirs"
          actions={[
            {
              label: t('review.conflict.recordMine'),
              primary: true,
              onClick: () => {
                const theirs = conflict;
                setConflict(undefined);
                setBase(theirs);
                void save(theirs);
              },
            },
            {
              label: t('review.conflict.useTheirs'),
              onClick: () => {
                const theirs = conflict;
                setConflict(undefined);
                p.onSaved(theirs);
              },
            },
          ]}
          onDismiss={() => setConflict(undefined)}
        />
      ) : null}
    </ActionForm>
  );
}

/**
 * Asks before deleting one action, then deletes it with the ETag it was read with. If someone
 * changed it meanwhile, their version is shown beside the one the person saw, and they delete
 * it all the same or keep it. A refusal (no permission) is said in words and nothing is removed.
 */
export function DeleteActionDialog(p: {
  readonly action: Stored<Action>;
  readonly onDeleted: () => void;
  /** Closed without deleting; `changed` when the stored action is no longer the one shown. */
  readonly onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { stores } = useServices();
  const items = useEditedItems();
  const [failed, setFailed] = useState<string | undefined>();
  const [theirs, setTheirs] = useState<Stored<Action> | undefined>();
  const [busy, setBusy] = useState(false);

  const remove = async (on: Stored<Action>) => {
    setFailed(undefined);
    setBusy(true);
    const r = await stores.actions.delete(on.id, on.etag);
    setBusy(false);
    if (r.ok) {
      p.onDeleted();
      return;
    }
    if (r.error.code === 'conflict' && r.error.theirs) {
      setTheirs(r.error.theirs);
      return;
    }
    setFailed(t(`tab.repoErrors.${r.error.code}`));
  };

  if (theirs) {
    return (
      <ConflictDialog
        title={t('review.progress.conflictTitle')}
        intro={t('review.action.deleteConflictIntro')}
        items={items(draftOf(p.action), theirs)}
        mineLabel={t('review.action.seenVersion')}
        theirsLabel={t('review.conflict.theirs')}
        first="theirs"
        actions={[
          { label: t('review.action.deleteAnyway'), onClick: () => void remove(theirs) },
          { label: t('review.action.keepIt'), primary: true, onClick: () => p.onClose(true) },
        ]}
        onDismiss={() => p.onClose(true)}
      />
    );
  }
  return (
    <ModalDialog
      modalType="alert"
      title={t('review.action.confirmDeleteTitle')}
      busy={busy}
      primaryLabel={t('review.action.delete')}
      onPrimary={() => void remove(p.action)}
      cancelLabel={t('review.cancel')}
      onCancel={() => p.onClose(false)}
      failure={failed}
      failureTitle={t('review.action.notDeleted')}
    >
      <Text as="p">{t('review.action.confirmDeleteBody', { title: p.action.title })}</Text>
    </ModalDialog>
  );
}
