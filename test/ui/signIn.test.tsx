/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/ui/app/App';
import { browserHost } from '../../src/ui/app/browserHost';
import type { SignInFailure } from '../../src/teams/auth';
import type { Locale } from '../../src/i18n';
import { servicesFor, TODAY, unreachableSiteUrl } from './helpers';

let siteUrl: string;
beforeAll(async () => {
  siteUrl = await unreachableSiteUrl();
});
beforeEach(() => localStorage.clear());

function renderSignIn(failure: SignInFailure, onSignIn: () => Promise<void>, locale: Locale = 'en-GB') {
  return render(
    <App
      host={browserHost({ language: locale })}
      makeServices={() => servicesFor(siteUrl)}
      initialLocale={locale}
      initialTheme="light"
      today={TODAY}
      signIn={{ failure, onSignIn }}
    />,
  );
}

describe('when the tab cannot sign in to SharePoint', () => {
  it('explains that an administrator must consent, and offers sign-in instead of a blank tab', async () => {
    const user = userEvent.setup();
    const onSignIn = jest.fn(() => Promise.resolve());
    renderSignIn({ code: 'consentRequired', detail: 'AADSTS65001: consent_required' }, onSignIn);
    expect(screen.getByText('Your administrator needs to approve this app')).toBeInTheDocument();
    expect(screen.getByText(/A Microsoft 365 administrator must grant consent/)).toBeInTheDocument();
    expect(screen.getByText('Details for your IT service desk: AADSTS65001: consent_required')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });

  it('says so in Welsh', () => {
    renderSignIn({ code: 'interactionRequired', detail: 'interaction_required' }, () => Promise.resolve(), 'cy-GB');
    expect(screen.getByText('Mewngofnodwch')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mewngofnodi' })).toBeInTheDocument();
  });

  it('keeps the message and says so when signing in fails again', async () => {
    const user = userEvent.setup();
    renderSignIn({ code: 'popupBlocked', detail: 'popup_window_error' }, () => Promise.reject(new Error('blocked')));
    expect(screen.getByText('The sign-in window was blocked')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Signing in did not work. Try again');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });
});
