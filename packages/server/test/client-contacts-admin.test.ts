import { describeEachDatabase } from '@caredesk/schema/testing';
import { expect, it } from 'vitest';
import { errorOf, globalId, revocationFixture } from './support/revocation-fixture.ts';

type Contact = { name: string; email: string; authorized: boolean; active: boolean };
const contactFields = 'name email authorized active';

describeEachDatabase('the studio manages a client’s contacts', (provider) => {
  const f = revocationFixture(provider);
  const head = () => f.demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
  const line1 = () => f.demo.staff.find((s) => s.role === 'LINE1')?.token ?? '';
  const contactId = async (email: string) =>
    globalId('Contact', (await f.t.database.db.contact.findUniqueOrThrow({ where: { email } })).id);
  const act = async (mutation: string, email: string, token = head()) =>
    (
      await f.t.gql<Record<string, { contact?: Contact; code?: string }>>(
        `mutation ($i: ContactInput!) { ${mutation}(input: $i) { ... on ContactPayload { contact { ${contactFields} } } ... on DomainError { code } } }`,
        { i: { contactId: await contactId(email) } },
        token,
      )
    ).data?.[mutation];

  it('should list an organization’s contacts for staff, with who is authorized and who is active', async () => {
    const owner = await f.t.database.db.contact.findUniqueOrThrow({ where: { email: 'owner@flowers.example' } });
    const answer = await f.t.gql<{ node: { contacts: Contact[] } }>(
      `query ($id: ID!) { node(id: $id) { ... on Organization { contacts { ${contactFields} } } } }`,
      { id: globalId('Organization', owner.organizationId) },
      line1(),
    );
    expect(answer.data?.node.contacts).toContainEqual({
      name: owner.name,
      email: 'owner@flowers.example',
      authorized: true,
      active: true,
    });
  });

  it('should end a deactivated contact’s session and live updates at once, and send it no sign-in code', async () => {
    const token = await f.contactSession('manager@flowers.example');
    const subscription = await f.watch(token);
    expect(await act('deactivateContact', 'manager@flowers.example')).toEqual({
      contact: expect.objectContaining({ authorized: false, active: false }),
    });
    expect(errorOf((await subscription.ended).payloads.at(-1))?.extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'ACCESS_REVOKED',
    });
    const viewer = await f.t.gql<{ viewer: { kind: string } }>('{ viewer { kind } }', {}, token);
    expect(viewer.data?.viewer.kind).toBe('ANONYMOUS');
    const sent = f.mailer.sent.length;
    const asked = await f.t.gql<{ requestSignInCode: { sent: boolean } }>(
      'mutation { requestSignInCode(input: { email: "manager@flowers.example" }) { ... on SignInCodePayload { sent } } }',
    );
    expect(asked.data?.requestSignInCode.sent).toBe(true);
    expect(f.mailer.sent.length).toBe(sent);

    expect(await act('reactivateContact', 'manager@flowers.example')).toEqual({
      contact: expect.objectContaining({ authorized: false, active: true }),
    });
    expect(await f.contactSession('manager@flowers.example')).toMatch(/^cds_/);
  });

  it('should refuse to authorize a deactivated contact until the studio reactivates it', async () => {
    await act('deactivateContact', 'manager@flowers.example');
    const manager = await f.t.database.db.contact.findUniqueOrThrow({ where: { email: 'manager@flowers.example' } });
    const authorize = () =>
      f.t.gql<{ authorizeContact: { code?: string; field?: string; contact?: Contact } }>(
        'mutation ($org: ID!) { authorizeContact(input: { email: "manager@flowers.example", organizationId: $org }) { ... on ContactPayload { contact { authorized active } } ... on DomainError { code field } } }',
        { org: globalId('Organization', manager.organizationId) },
        f.demo.adminToken,
      );
    expect((await authorize()).data?.authorizeContact).toEqual({ code: 'INVALID_INPUT', field: 'email' });
    expect(
      (await f.t.database.db.contact.findUniqueOrThrow({ where: { email: 'manager@flowers.example' } })).authorized,
    ).toBe(false);
    await act('reactivateContact', 'manager@flowers.example');
    expect((await authorize()).data?.authorizeContact).toEqual({ contact: { authorized: true, active: true } });
    await act('deauthorizeContact', 'manager@flowers.example');
  });

  it('should end a subscription opened while authorized when the studio takes the authorization away', async () => {
    const subscription = await f.watch(await f.contactSession('owner@flowers.example'));
    expect(await act('deauthorizeContact', 'owner@flowers.example')).toEqual({
      contact: expect.objectContaining({ authorized: false, active: true }),
    });
    expect(errorOf((await subscription.ended).payloads.at(-1))?.extensions?.reason).toBe('ACCESS_REVOKED');
    await f.t.database.db.contact.update({ where: { email: 'owner@flowers.example' }, data: { authorized: true } });
  });

  it('should refuse line staff and contacts, and change nothing', async () => {
    expect(await act('deactivateContact', 'owner@flowers.example', line1())).toBeUndefined();
    const contact = await f.contactSession('owner@flowers.example');
    expect(await act('deactivateContact', 'manager@flowers.example', contact)).toBeUndefined();
    const rows = await f.t.database.db.contact.findMany({
      where: { email: { in: ['owner@flowers.example', 'manager@flowers.example'] } },
    });
    expect(rows.map((r) => r.deactivatedAt)).toEqual([null, null]);
  });
});
