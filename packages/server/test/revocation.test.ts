import { describeEachDatabase } from '@caredesk/schema/testing';
import { expect, it } from 'vitest';
import { type LiveSubscription, subscribeOverWebSocket, until } from './support/live-subscription.ts';
import { errorOf, globalId, noteBody, revocationFixture, watchQuery } from './support/revocation-fixture.ts';

describeEachDatabase('open subscriptions end when their credential is revoked', (provider) => {
  const f = revocationFixture(provider);

  it('should end a staff token’s subscription with FORBIDDEN when the token is revoked, and not deliver the internal note added right after', async () => {
    const { token, tokenId } = await f.staffToken('LINE1');
    const subscription = await f.watch(token);
    const revoked = await f.t.gql(
      'mutation ($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { ... on RevokeApiTokenPayload { revoked } } }',
      { i: { tokenId: globalId('ApiToken', tokenId) } },
      f.demo.adminToken,
    );
    expect(revoked.data).toEqual({ revokeApiToken: { revoked: true } });
    await f.addNote(1);
    const ending = await subscription.ended;
    expect(ending.how).toBe('complete');
    expect(errorOf(ending.payloads.at(-1))).toEqual({
      message: 'Access was revoked. / Доступ отозван.',
      extensions: { code: 'FORBIDDEN', reason: 'ACCESS_REVOKED' },
    });
    expect(JSON.stringify(ending.payloads)).not.toContain(noteBody(1));
  });

  it('should keep delivering to another token of the same ticket when one token is revoked', async () => {
    const kept = await f.staffToken('LINE2');
    const gone = await f.staffToken('LINE2');
    const keptSubscription = await f.watch(kept.token);
    const goneSubscription = await f.watch(gone.token);
    await f.t.gql(
      'mutation ($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { __typename } }',
      { i: { tokenId: globalId('ApiToken', gone.tokenId) } },
      f.demo.adminToken,
    );
    expect((await goneSubscription.ended).how).toBe('complete');
    await f.addNote(2);
    const note = await keptSubscription.payload((p) => JSON.stringify(p).includes(noteBody(2)));
    expect(note.errors).toBeUndefined();
  });

  it('should end a contact’s subscription when the contact signs out', async () => {
    const token = await f.contactSession('owner@flowers.example');
    const subscription = await f.watch(token);
    const signedOut = await f.t.gql('mutation { signOut { signedOut } }', {}, token);
    expect(signedOut.data).toEqual({ signOut: { signedOut: true } });
    const ending = await subscription.ended;
    expect(ending.how).toBe('complete');
    expect(errorOf(ending.payloads.at(-1))?.extensions).toEqual({ code: 'FORBIDDEN', reason: 'ACCESS_REVOKED' });
  });

  it('should end a staff member’s session subscription when they sign out, and refuse to reopen it', async () => {
    const token = await f.staffSession('line3@studio.example');
    const subscription = await f.watch(token);
    await f.t.gql('mutation { signOut { signedOut } }', {}, token);
    expect(errorOf((await subscription.ended).payloads.at(-1))?.extensions?.code).toBe('FORBIDDEN');
    const again = subscribeOverWebSocket(f.url, token, watchQuery, { id: globalId('Ticket', f.ticketId) });
    const refused = await Promise.race([again.payload(), again.ended.then((e) => e.payloads[0])]);
    await again.close();
    expect(errorOf(refused)?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a revoked token on its very next request, though its owner was just kept in memory', async () => {
    const { token, tokenId } = await f.staffToken('LINE1');
    const who = '{ viewer { kind } }';
    expect((await f.t.gql(who, {}, token)).data).toEqual({ viewer: { kind: 'STAFF' } });
    expect((await f.t.gql(who, {}, token)).data).toEqual({ viewer: { kind: 'STAFF' } });
    await f.t.gql(
      'mutation ($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { __typename } }',
      { i: { tokenId: globalId('ApiToken', tokenId) } },
      f.demo.adminToken,
    );
    expect((await f.t.gql(who, {}, token)).data).toEqual({ viewer: { kind: 'ANONYMOUS' } });
  });

  it('should let a contact act as authorized on its very next request once staff authorize it', async () => {
    const token = await f.contactSession('manager@flowers.example');
    const manager = await f.t.database.db.contact.findUniqueOrThrow({ where: { email: 'manager@flowers.example' } });
    const organizationId = globalId('Organization', manager.organizationId);
    const authorize = (email: string, by: string) =>
      f.t.gql<{ authorizeContact: { __typename: string; code?: string } }>(
        'mutation ($i: AuthorizeContactInput!) { authorizeContact(input: $i) { __typename ... on DomainError { code } } }',
        { i: { email, name: 'Новый', ...(by === token ? {} : { organizationId }) } },
        by,
      );
    expect((await authorize('helper@flowers.example', token)).data?.authorizeContact.code).toBe('ACTOR_NOT_ALLOWED');
    const byStaff = await authorize('manager@flowers.example', f.demo.adminToken);
    expect(byStaff.data?.authorizeContact.__typename).not.toBe('DomainError');
    expect((await authorize('helper@flowers.example', token)).data?.authorizeContact.__typename).not.toBe(
      'DomainError',
    );
    await f.t.database.db.contact.update({ where: { email: 'manager@flowers.example' }, data: { authorized: false } });
  });

  it('should end a contact’s subscription when its session expires while it is open', async () => {
    const token = await f.contactSession('manager@flowers.example');
    // The session ends two seconds from now: long enough to open the subscription first.
    const session = await f.t.database.db.session.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    await f.t.database.db.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() + 2_000) },
    });
    const subscription = await f.watch(token);
    const ending = await subscription.ended;
    expect(ending.how).toBe('complete');
    expect(errorOf(ending.payloads.at(-1))).toEqual({
      message: 'Access expired: sign in again. / Срок доступа истёк: войдите снова.',
      extensions: { code: 'FORBIDDEN', reason: 'ACCESS_EXPIRED' },
    });
  });

  it('should end a subscription over server-sent events when its token is revoked', async () => {
    const { token, tokenId } = await f.staffToken('HEAD');
    const subscription = await f.watch(token, 'sse');
    await f.t.gql(
      'mutation ($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { __typename } }',
      { i: { tokenId: globalId('ApiToken', tokenId) } },
      f.demo.adminToken,
    );
    await f.addNote(3);
    const ending = await subscription.ended;
    expect(ending.how).toBe('complete');
    expect(errorOf(ending.payloads.at(-1))?.extensions).toEqual({ code: 'FORBIDDEN', reason: 'ACCESS_REVOKED' });
    expect(JSON.stringify(ending.payloads)).not.toContain(noteBody(3));
  });
});

describeEachDatabase('open subscriptions end when a change in the database is found by the re-check', (provider) => {
  // A re-check every 100 ms stands in for the default 30 s.
  const f = revocationFixture(provider, { SUBSCRIPTION_RECHECK_MS: '100' });
  const lastError = async (subscription: LiveSubscription) => {
    const ending = await subscription.ended;
    expect(ending.how).toBe('complete');
    return errorOf(ending.payloads.at(-1));
  };

  it('should end a staff member’s subscription when they are disabled', async () => {
    const { token, staffId } = await f.staffToken('LINE2');
    const subscription = await f.watch(token);
    await f.t.database.db.staffMember.update({ where: { id: staffId }, data: { active: false } });
    expect(await lastError(subscription)).toMatchObject({
      extensions: { code: 'FORBIDDEN', reason: 'ACCESS_REVOKED' },
    });
    await f.t.database.db.staffMember.update({ where: { id: staffId }, data: { active: true } });
  });

  it('should end a staff member’s subscription when their role changes', async () => {
    const { token, staffId } = await f.staffToken('HEAD');
    const subscription = await f.watch(token);
    await f.t.database.db.staffMember.update({ where: { id: staffId }, data: { role: 'LINE1' } });
    expect(await lastError(subscription)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await f.t.database.db.staffMember.update({ where: { id: staffId }, data: { role: 'HEAD' } });
  });

  it('should end a contact’s subscription when it loses its authorization, but not one that gains it', async () => {
    const db = f.t.database.db;
    const losing = await f.watch(await f.contactSession('owner@flowers.example'));
    const gaining = await f.watch(await f.contactSession('manager@flowers.example'));
    await db.contact.update({ where: { email: 'manager@flowers.example' }, data: { authorized: true } });
    await db.contact.update({ where: { email: 'owner@flowers.example' }, data: { authorized: false } });
    expect(await lastError(losing)).toMatchObject({ extensions: { code: 'FORBIDDEN', reason: 'ACCESS_REVOKED' } });
    // The re-check that ended the first saw the second too: it still delivers.
    const before = gaining.payloads.length;
    await until(
      gaining.payload((p) => gaining.payloads.indexOf(p) >= before),
      () => f.t.app.events.publish('ticketUpdated', f.ticketId, { ticketId: f.ticketId }),
    );
    expect(gaining.payloads.filter((p) => p.errors)).toEqual([]);
    await db.contact.update({ where: { email: 'owner@flowers.example' }, data: { authorized: true } });
  });

  it('should end a contact’s subscription when the contact is removed', async () => {
    const subscription = await f.watch(await f.contactSession('manager@flowers.example'));
    await f.t.database.db.contact.delete({ where: { email: 'manager@flowers.example' } });
    expect(await lastError(subscription)).toMatchObject({
      extensions: { code: 'FORBIDDEN', reason: 'ACCESS_REVOKED' },
    });
  });

  it('should end a subscription whose token was revoked straight in the database', async () => {
    const { token, tokenId } = await f.staffToken('LINE3');
    const subscription = await f.watch(token);
    await f.t.database.db.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    expect(await lastError(subscription)).toMatchObject({ extensions: { reason: 'ACCESS_REVOKED' } });
  });
});
