import type { Db } from '@caredesk/schema/db';
import type { TokenScope } from '@caredesk/schema/domain';
import { newSecret, tokenPrefixes } from '@caredesk/schema/services';

/**
 * Creates an API token inside a caller's transaction (the demo seed, tests) and returns the
 * secret. Everything else goes through `createApiToken`, which validates and audits.
 */
export async function issueApiToken(
  db: Db,
  input: { staffId: string; name: string; scopes: TokenScope[] },
): Promise<string> {
  const { secret, hash } = newSecret('api');
  const prefix = secret.slice(0, tokenPrefixes.api.length + 6);
  await db.apiToken.create({
    data: { name: input.name, staffId: input.staffId, tokenHash: hash, prefix, scopes: input.scopes },
  });
  return secret;
}
