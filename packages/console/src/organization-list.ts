import { request } from './api.ts';
import { organizationsQuery } from './clients-documents.ts';
import type { ResultOf } from './graphql.ts';

export type ListedOrganization = ResultOf<typeof organizationsQuery>['organizations']['edges'][number]['node'];

/** Every client organization, by name: all pages of `organizations` (200 a request). */
export async function allOrganizations(locale: string): Promise<ListedOrganization[]> {
  const all: ListedOrganization[] = [];
  let after: string | null = null;
  do {
    const { organizations }: ResultOf<typeof organizationsQuery> = await request(organizationsQuery, { after }, locale);
    all.push(...organizations.edges.map((e) => e.node));
    after = organizations.pageInfo.hasNextPage ? (organizations.pageInfo.endCursor ?? null) : null;
  } while (after);
  return all;
}
