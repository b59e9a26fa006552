import type { memoryMailer } from '../../src/mail/memory-mailer.ts';
import { signInCodeSent } from './sign-in-code.ts';
import type { TestApp } from './test-app.ts';

/**
 * Signs a client contact in the way a person does: asks for a code, reads it from the letter
 * the app sent (to `mailer`, the app's mailer), and signs in with it. Returns the session token.
 */
export async function signInContact(
  t: TestApp,
  mailer: ReturnType<typeof memoryMailer>,
  email: string,
): Promise<string> {
  const before = mailer.sent.length;
  await t.gql(
    'mutation ($i: RequestSignInCodeInput!) { requestSignInCode(input: $i) { ... on SignInCodePayload { sent } } }',
    { i: { email } },
  );
  const code = signInCodeSent(mailer.sent, email, before);
  const response = await t.gql<{ signIn: { token?: string; code?: string } }>(
    'mutation ($i: SignInInput!) { signIn(input: $i) { ... on SessionPayload { token } ... on DomainError { code } } }',
    { i: { email, code } },
  );
  const token = response.data?.signIn.token;
  if (!token) throw new Error(`${email} could not sign in: ${JSON.stringify(response)}`);
  return token;
}
