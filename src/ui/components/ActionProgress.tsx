import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateProgress, type Action, type DomainError, type IsoDate, type Stored } from '../../domain';
import { useServices } from '../app/context';
import { messagesByField } from './actionShared';

const useStyles = makeStyles({
  // Progress, note, then "Complete" and the button: side by side where they fit, and the
  // button on a line of its own where they do not (Teams on a phone), never past the edge.
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
  progress: { flexGrow: 0, flexShrink: 1, flexBasis: '120px', minWidth: '90px' },
  note: { flexGrow: 1, flexShrink: 1, flexBasis: '200px', minWidth: 0 },
  both: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalM },
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** One side of a progress conflict: whose it is, and the progress and note it holds. */
function ProgressSide({ side, action }: { readonly side: 'theirs' | 'mine'; readonly action: Action }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div>
      <Text weight="semibold">{t(`review.conflict.${side}`)}</Text>
      <Text as="p" className={styles.value} data-testid={`${side}-progress`}>
        {t('review.progress.summary', { progress: action.progress, note: action.progressNote ?? '–' })}
      </Text>
    </div>
  );
}

interface Typed {
  readonly progress: string;
  readonly note: string;
  readonly complete: boolean;
}

const typedFrom = (a: Action): Typed => ({
  progress: String(a.progress),
  note: a.progressNote ?? '',
  complete: a.completedOn !== undefined,
});

/**
 * An owner's update of one action, in place: progress, a progress note, done.
 * Saved with the ETag it was read with; if someone else saved first, both
 * versions are shown and the person chooses (what they typed stays in the form).
 */
export function ActionProgress(p: {
  readonly action: Stored<Action>;
  readonly today: IsoDate;
  readonly onSaved: (action: Stored<Action>) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { stores } = useServices();
  const [base, setBase] = useState(p.action);
  const [typed, setTyped] = useState<Typed>(() => typedFrom(p.action));
  const [errors, setErrors] = useState<readonly DomainError[]>([]);
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'saving' }
    | { kind: 'saved' }
    | { kind: 'failed'; code: string }
    | { kind: 'conflict'; theirs: Stored<Action>; mine: Action }
  >({ kind: 'idle' });

  const candidate = (on: Stored<Action>) => {
    const progress = typed.progress.trim() === '' ? Number.NaN : Number(typed.progress);
    return updateProgress(
      on,
      {
        progress: typed.complete ? 100 : progress,
        progressNote: typed.note,
        ...(typed.complete ? { completedOn: on.completedOn ?? p.today } : {}),
      },
      p.today,
    );
  };

  const save = async (on: Stored<Action>) => {
    const next = candidate(on);
    if (!next.ok) {
      setErrors(next.error);
      setState({ kind: 'idle' });
      return;
    }
    setErrors([]);
    setState({ kind: 'saving' });
    const r = await stores.actions.update(next.value);
    if (r.ok) {
      setBase(r.value);
      setTyped(typedFrom(r.value));
      setState({ kind: 'saved' });
      p.onSaved(r.value);
      return;
    }
    if (r.error.code === 'conflict' && r.error.theirs) {
      setState({ kind: 'conflict', theirs: r.error.theirs, mine: r.error.mine ?? next.value });
      return;
    }
    setState({ kind: 'failed', code: r.error.code });
  };

  const messages = messagesByField(t, errors);
  const invalid = (field: string) =>
    messages[field] ? { validationMessage: messages[field], validationState: 'error' as const } : {};
  /** Typing in the progress or the note: a "Saved." already shown no longer holds. */
  const edit = (change: Partial<Typed>) => {
    setTyped((x) => ({ ...x, ...change }));
    setState((s) => (s.kind === 'saved' ? { kind: 'idle' } : s));
  };
  const name = p.action.title;
  return (
    <div>
      <form
        noValidate
        className={styles.form}
        aria-label={t('review.progress.formLabel', { title: name })}
        onSubmit={(e) => {
          e.preventDefault();
          void save(base);
        }}
      >
        <Field className={styles.progress} label={t('review.progress.progress')} {...invalid('progress')}>
          <Input
            type="number"
            min={0}
            max={100}
            step={5}
            inputMode="numeric"
            name="progress"
            value={typed.progress}
            contentAfter="%"
            onChange={(_e, d) => edit({ progress: d.value })}
          />
        </Field>
        <Field className={styles.note} label={t('review.progress.note')} {...invalid('progressNote')}>
          <Textarea
            name="progressNote"
            rows={2}
            resize="vertical"
            value={typed.note}
            onChange={(_e, d) => edit({ note: d.value })}
          />
        </Field>
        <div className={styles.row}>
          <Checkbox
            label={t('review.progress.complete')}
            checked={typed.complete}
            onChange={(_e, d) => setTyped((x) => ({ ...x, complete: d.checked === true }))}
          />
          <Button appearance="primary" type="submit" disabled={state.kind === 'saving'}>
            {t('review.progress.save')}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {state.kind === 'saved' ? <Text>{t('review.progress.saved')}</Text> : null}
        {errors.length > 0 ? <Text>{t('review.nothingSaved')}</Text> : null}
      </div>
      {state.kind === 'failed' ? (
        <MessageBar intent="error">
          <MessageBarBody>{t(`tab.repoErrors.${state.code}`)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === 'conflict' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('review.progress.conflictTitle')}</MessageBarTitle>
            <div className={styles.both}>
              <ProgressSide side="theirs" action={state.theirs} />
              <ProgressSide side="mine" action={state.mine} />
            </div>
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                const theirs = state.theirs;
                setBase(theirs);
                void save(theirs);
              }}
            >
              {t('review.conflict.keepMine')}
            </Button>
            <Button
              onClick={() => {
                setBase(state.theirs);
                setTyped(typedFrom(state.theirs));
                setState({ kind: 'idle' });
                p.onSaved(state.theirs);
              }}
            >
              {t('review.conflict.keepTheirs')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </div>
  );
}
