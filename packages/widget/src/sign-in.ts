import type { CaredeskWidget } from './caredesk-widget.ts';
import { gql } from './graphql.ts';
import { domainError } from './queries.ts';

/** Where a session made in the widget is kept (the page's own `identify` keeps nothing). */
export const sessionKey = (siteKey: string) => `caredesk:${siteKey}:session`;

interface Stored {
  token: string;
  email: string;
  expiresAt: string;
}

/** The widget's sign-in by e-mailed code: which step each widget is on. */
export const signInState = new WeakMap<CaredeskWidget, { email: string; codeSent: boolean }>();

const requestCode = `mutation ($input: RequestSignInCodeInput!) { requestSignInCode(input: $input) {
  __typename ... on SignInCodePayload { sent } ${domainError} } }`;
const signInMutation = `mutation ($input: SignInInput!) { signIn(input: $input) {
  __typename ... on SessionPayload { token expiresAt } ${domainError} } }`;
const signOutMutation = 'mutation { signOut { signedOut } }';

function stored(w: CaredeskWidget): Stored | null {
  try {
    const value = JSON.parse(localStorage.getItem(sessionKey(w.siteKey)) ?? 'null') as Stored | null;
    return value && Date.parse(value.expiresAt) > Date.now() ? value : null;
  } catch {
    return null;
  }
}

/** The session this widget signed in with, while it is the one in use. */
export function widgetSession(w: CaredeskWidget): Stored | null {
  const session = stored(w);
  return session && session.token === w.identity.token ? session : null;
}

/** On load: signs the contact in again with the kept session; forgets it when the server no longer knows it. */
export async function restoreSession(w: CaredeskWidget): Promise<void> {
  const session = stored(w);
  if (!session) return localStorage.removeItem(sessionKey(w.siteKey));
  if (w.identity.token) return;
  await w.identify({ token: session.token, email: session.email }).catch(() => {
    localStorage.removeItem(sessionKey(w.siteKey));
    w.identity = {};
  });
}

async function step(w: CaredeskWidget, run: () => Promise<void>): Promise<void> {
  w.busy = true;
  w.problems = [];
  try {
    await run();
  } catch (error) {
    w.fail(error);
  } finally {
    w.busy = false;
    w.requestUpdate();
  }
}

/** Asks for a code by e-mail (the server never tells whether the address is known). */
export function sendCode(w: CaredeskWidget, email: string): Promise<void> {
  return step(w, async () => {
    await gql(w.caller, 'requestSignInCode', requestCode, { input: { email } });
    signInState.set(w, { email, codeSent: true });
  });
}

/** Signs in with the code, keeps the session for this site and shows the organization's tickets. */
export function enterCode(w: CaredeskWidget, code: string): Promise<void> {
  const email = signInState.get(w)?.email ?? '';
  return step(w, async () => {
    const session = await gql<{ token: string; expiresAt: string }>(w.caller, 'signIn', signInMutation, {
      input: { email, code },
    });
    signInState.delete(w);
    try {
      localStorage.setItem(sessionKey(w.siteKey), JSON.stringify({ ...session, email }));
    } catch {
      // No storage (private mode): signed in until the page closes.
    }
    await w.identify({ token: session.token, email });
    await w.showList();
    void w.startLive();
  });
}

/** Ends the session on the server and in this browser; the list goes back to this browser's own tickets. */
export function signOut(w: CaredeskWidget): Promise<void> {
  return step(w, async () => {
    await gql(w.caller, 'signOut', signOutMutation).catch(() => {});
    localStorage.removeItem(sessionKey(w.siteKey));
    w.identity = {};
    w.authorized = false;
    await w.showList();
  });
}
