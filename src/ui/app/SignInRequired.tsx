import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInFailure } from '../../teams/auth';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
    padding: tokens.spacingHorizontalXXL,
  },
  detail: { color: tokens.colorNeutralForeground3 },
});

export interface SignInRequiredProps {
  readonly failure: SignInFailure;
  /** Interactive sign-in (a popup in Teams, a redirect in a browser). */
  readonly onSignIn: () => Promise<void>;
}

/**
 * Shown instead of the pages when the tab could not get a token for the
 * council's SharePoint site: what went wrong in the person's language (consent
 * needing an administrator is explained as such) and a sign-in button. Never a
 * blank tab.
 */
export function SignInRequired({ failure, onSignIn }: SignInRequiredProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [again, setAgain] = useState<string | undefined>();
  const signIn = () => {
    setBusy(true);
    setAgain(undefined);
    onSignIn().then(
      () => setBusy(false),
      () => {
        setBusy(false);
        setAgain(t('tab.signIn.stillFailing'));
      },
    );
  };
  return (
    <main className={styles.page} aria-labelledby="sign-in-title">
      <MessageBar intent={failure.code === 'consentRequired' ? 'warning' : 'error'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="sign-in-title">{t(`tab.signIn.${failure.code}.title`)}</MessageBarTitle>
          {t(`tab.signIn.${failure.code}.body`)}
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button appearance="primary" onClick={signIn} disabled={busy}>
          {t('tab.signIn.button')}
        </Button>
      </div>
      {again !== undefined && <Text role="alert">{again}</Text>}
      <Text size={200} className={styles.detail}>
        {t('tab.signIn.detail', { detail: failure.detail })}
      </Text>
    </main>
  );
}
