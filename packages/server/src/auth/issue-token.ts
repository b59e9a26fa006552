import type { Db } from '@caredesk/schema/db';
import type { TokenScope } from '@caredesk/schema/domain';
import { newSecret } from '@caredesk/schema/services';

/** Creates an API token for a staff member and returns the secret (the only time it exists in clear). */
export async function issueApiToken(
  db: Db,
  input: { staffId: string; name: string; scopes: TokenScope[] },
): Promise<string> {
  const { secret, hash } = newSecret('api');
  const prefix = secret.slice(0, 10);
  await db.apiToken.create({
    data: { name: input.name, staffId: input.staffId, tokenHash: hash, prefix, scopes: input.scopes },
  });
  return secret;
}
