import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  validateNewAction,
  type Action,
  type ActionScope,
  type DomainError,
  type Person,
  type RepoResult,
  type Result,
  type Stored,
} from '../../domain';
import { useServices } from '../app/context';
import { DateField, TextField } from './form';
import { PeoplePicker } from './PeoplePicker';
import { messagesByField, newKey } from './actionShared';

/** What a person types for one new action. */
export interface ActionDraft {
  readonly key: string;
  readonly title: string;
  readonly owner?: Person;
  readonly startDate?: string;
  readonly dueDate?: string;
}

export const emptyDraft = (): ActionDraft => ({ key: newKey('ACT'), title: '' });

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '960px' },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

/**
 * One action's fields: what, who (a site user from the people picker), start
 * and due. `errors` are keyed by field (`title`, `owner`, `dueDate`...).
 * `name` prefixes the controls' names so a message can focus the right one.
 */
export function ActionFields(p: {
  readonly draft: ActionDraft;
  readonly onChange: (draft: ActionDraft) => void;
  readonly errors: Readonly<Record<string, string>>;
  readonly name: string;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { draft } = p;
  const set = (patch: Partial<ActionDraft>) => p.onChange({ ...draft, ...patch });
  return (
    <div className={styles.grid}>
      <TextField
        name={`${p.name}.title`}
        label={t('review.action.title')}
        required
        value={draft.title}
        onChange={(title) => set({ title })}
        {...(p.errors['title'] ? { error: p.errors['title'] } : {})}
      />
      <PeoplePicker
        name={`${p.name}.owner`}
        label={t('review.action.owner')}
        required
        value={draft.owner}
        onChange={(owner) => p.onChange(owner ? { ...draft, owner } : withoutOwner(draft))}
        {...(p.errors['owner'] ? { error: p.errors['owner'] } : {})}
      />
      <DateField
        name={`${p.name}.startDate`}
        label={t('review.action.start')}
        value={draft.startDate}
        onChange={(startDate) => p.onChange(startDate ? { ...draft, startDate } : dropKey(draft, 'startDate'))}
        {...(p.errors['startDate'] ? { error: p.errors['startDate'] } : {})}
      />
      <DateField
        name={`${p.name}.dueDate`}
        label={t('review.action.due')}
        dueDate
        value={draft.dueDate}
        onChange={(dueDate) => p.onChange(dueDate ? { ...draft, dueDate } : dropKey(draft, 'dueDate'))}
        {...(p.errors['dueDate'] ? { error: p.errors['dueDate'] } : {})}
      />
    </div>
  );
}

function withoutOwner(d: ActionDraft): ActionDraft {
  return dropKey(d, 'owner');
}

function dropKey(d: ActionDraft, key: 'owner' | 'startDate' | 'dueDate'): ActionDraft {
  const next: Record<string, unknown> = { ...d };
  delete next[key];
  return next as unknown as ActionDraft;
}

/** The action a draft makes in a scope (validated by the domain before anything is sent). */
export function actionFromDraft(
  draft: ActionDraft,
  scope: ActionScope,
  links: { readonly collaborationId?: number; readonly reviewId?: number },
): Action {
  return {
    key: draft.key,
    title: draft.title.trim(),
    scope,
    ...(links.collaborationId !== undefined ? { collaborationId: links.collaborationId } : {}),
    ...(links.reviewId !== undefined ? { reviewId: links.reviewId } : {}),
    ...(draft.owner ? { owner: draft.owner } : {}),
    ...(draft.startDate ? { startDate: draft.startDate } : {}),
    ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
    progress: 0,
  };
}

/**
 * What adding and editing an action share when saving: the domain's problems by field, the
 * store's refusal in words, and "saving" while the request is out. An owner the store refuses
 * (not a site user) is said against the owner field, as the domain's problems are.
 */
export function useActionSave() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<readonly DomainError[]>([]);
  const [failed, setFailed] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  /**
   * Sends the action the domain has checked; `on.conflict` (editing only) takes the version
   * someone else saved first. Without it a conflict is said in words like any other refusal.
   */
  const save = async <A extends Action, E>(
    checked: Result<A>,
    send: (action: A) => Promise<RepoResult<Stored<Action>, E>>,
    on: { readonly saved: (action: Stored<Action>) => void; readonly conflict?: (theirs: Stored<E>) => void },
  ) => {
    setFailed(undefined);
    if (!checked.ok) {
      setErrors(checked.error);
      return;
    }
    setErrors([]);
    setSaving(true);
    const r = await send(checked.value);
    setSaving(false);
    if (r.ok) {
      on.saved(r.value);
      return;
    }
    if (r.error.code === 'conflict' && r.error.theirs && on.conflict) {
      on.conflict(r.error.theirs);
      return;
    }
    if (r.error.code === 'invalid' && r.error.field === 'owner') {
      setErrors([{ field: 'owner', code: 'ownerNotSiteUser' }]);
      return;
    }
    setFailed(t(`tab.repoErrors.${r.error.code}`));
  };

  return { errors, failed, saving, save };
}

/**
 * The form round an action's fields, for adding and for editing: what is wrong above the
 * fields, then save and cancel. `heading` shows the label as the form's heading too;
 * `failureTitle` heads the store's refusal. `children` follow the buttons (a conflict dialog).
 */
export function ActionForm(p: {
  readonly label: string;
  readonly heading?: boolean;
  readonly name: string;
  readonly draft: ActionDraft;
  readonly onChange: (draft: ActionDraft) => void;
  readonly state: Pick<ReturnType<typeof useActionSave>, 'errors' | 'failed' | 'saving'>;
  readonly failureTitle?: string;
  readonly saveLabel: string;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
  readonly children?: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { errors, failed, saving } = p.state;
  return (
    <form
      noValidate
      className={styles.form}
      aria-label={p.label}
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      {p.heading ? (
        <Text as="h3" weight="semibold">
          {p.label}
        </Text>
      ) : null}
      {errors.length > 0 ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('review.nothingSaved')}</MessageBarTitle>
            {t('review.fixBelow')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {failed ? (
        <MessageBar intent="error">
          <MessageBarBody>
            {p.failureTitle ? <MessageBarTitle>{p.failureTitle}</MessageBarTitle> : null}
            {failed}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <ActionFields draft={p.draft} onChange={p.onChange} errors={messagesByField(t, errors)} name={p.name} />
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {p.saveLabel}
        </Button>
        <Button onClick={p.onCancel}>{t('review.cancel')}</Button>
      </div>
      {p.children}
    </form>
  );
}

/**
 * Adds one action (a collaboration's, or the programme's): checked by the
 * domain first (due on or after start, an owner), then created with its
 * client-made key; an owner who is not a site user is refused by the store.
 */
export function ActionEditor(p: {
  readonly scope: ActionScope;
  readonly collaborationId?: number;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { stores } = useServices();
  const [draft, setDraft] = useState<ActionDraft>(emptyDraft);
  const state = useActionSave();

  const save = () => {
    const action = actionFromDraft(draft, p.scope, {
      ...(p.collaborationId !== undefined ? { collaborationId: p.collaborationId } : {}),
    });
    return state.save(validateNewAction(action), (a) => stores.actions.create(a), {
      saved: () => {
        setDraft(emptyDraft());
        p.onSaved();
      },
    });
  };

  return (
    <ActionForm
      label={t('review.action.add')}
      name="newAction"
      draft={draft}
      onChange={setDraft}
      state={state}
      saveLabel={t('review.action.save')}
      onSubmit={() => void save()}
      onCancel={p.onCancel}
    />
  );
}
