/**
 * How index.html knows it is Teams' sign-in window (src/teams/signInWindow.ts) rather than the tab:
 * small and free of MSAL, so the tab's entry can check before loading any sign-in code.
 */
/** The query parameter Teams' sign-in window is opened with: the resource to sign in for. */
export const SIGN_IN_WINDOW_PARAM = 'teams-sign-in';
/** Where the window remembers the resource while Entra's sign-in page has it (session storage). */
export const SIGN_IN_WINDOW_KEY = 'collaboration-register:teams-sign-in';

export type SignInResource = 'sharepoint' | 'graph';

export function signInResource(value: string | null | undefined): SignInResource | undefined {
  return value === 'sharepoint' || value === 'graph' ? value : undefined;
}

/** Whether this page is Teams' sign-in window: opened as one, or back from Entra inside one. */
export function isSignInWindow(search: string, storage: Pick<Storage, 'getItem'> | undefined): boolean {
  return (
    signInResource(new URLSearchParams(search).get(SIGN_IN_WINDOW_PARAM)) !== undefined ||
    signInResource(storage?.getItem(SIGN_IN_WINDOW_KEY)) !== undefined
  );
}
