import { html, nothing } from 'lit';
import type { CaredeskWidget } from '../caredesk-widget.ts';
import { enterCode, sendCode, signInState, signOut, widgetSession } from '../sign-in.ts';

const value = (w: CaredeskWidget, name: string) =>
  w.renderRoot.querySelector<HTMLInputElement>(`.sign-in input[name=${name}]`)?.value.trim() ?? '';

/** Under the list: sign in by e-mailed code to see the organization's tickets, or sign out. */
export function signInView(w: CaredeskWidget) {
  const t = w.t;
  const session = widgetSession(w);
  if (session)
    return html`<p class="muted sign-in">${t('signedInAs', { email: session.email })}
      <button ?disabled=${w.busy} @click=${() => void signOut(w)}>${t('signOut')}</button></p>`;
  if (w.identity.token) return nothing;
  const state = signInState.get(w);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!state?.codeSent) {
      const email = value(w, 'email');
      if (email) void sendCode(w, email);
    } else {
      const code = value(w, 'code');
      if (code) void enterCode(w, code);
    }
  };
  return html`<form class="sign-in" @submit=${submit}>
    <p class="muted">${state?.codeSent ? t('codeSent', { email: state.email }) : t('signInLead')}</p>
    ${
      state?.codeSent
        ? html`<label>${t('codeLabel')}<input name="code" inputmode="numeric" autocomplete="one-time-code" required /></label>`
        : html`<label>${t('signInEmail')}<input name="email" type="email" autocomplete="email" required /></label>`
    }
    <button class="primary" ?disabled=${w.busy}>${state?.codeSent ? t('signIn') : t('sendCode')}</button>
  </form>`;
}
