/**
 * Canned responses: reply templates with placeholders, filled in for one ticket. Pure rules;
 * the values come from the caller.
 */

/** The placeholders a template may use, and what each stands for. */
export const placeholders = {
  'ticket.number': 'the ticket’s number, e.g. #1042',
  'ticket.title': 'the ticket’s title',
  'requester.name': 'the name of the person who asked (contact or visitor), if known',
  'organization.name': 'the client’s organization',
  'staff.name': 'the name of the staff member inserting the response',
  'studio.name': 'the studio’s name',
} as const;

export type Placeholder = keyof typeof placeholders;
export type PlaceholderValues = Partial<Record<Placeholder, string | null>>;

export const cannedNameLimit = 100;
export const cannedBodyLimit = 10_000;

// `{{ name }}` or `{{ name | fallback }}` (the fallback is used when the value is unknown).
const pattern = /\{\{\s*([a-z]+\.[a-z]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g;

const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(placeholders, name);

/** The problem with a template, naming the field, or null when it may be saved. */
export function cannedResponseProblem(input: {
  name: string;
  body: string;
  locale: string;
}): { field: 'name' | 'body' | 'locale'; reason: string } | null {
  const name = input.name.trim();
  if (!name || name.length > cannedNameLimit)
    return { field: 'name', reason: `from 1 to ${cannedNameLimit} characters` };
  if (input.locale !== 'ru' && input.locale !== 'en') return { field: 'locale', reason: 'ru or en' };
  if (!input.body.trim() || input.body.length > cannedBodyLimit)
    return { field: 'body', reason: `from 1 to ${cannedBodyLimit} characters` };
  for (const [, placeholder] of input.body.matchAll(pattern))
    if (placeholder && !isPlaceholder(placeholder))
      return {
        field: 'body',
        reason: `unknown placeholder {{${placeholder}}}; known: ${Object.keys(placeholders)
          .map((p) => `{{${p}}}`)
          .join(', ')}`,
      };
  return null;
}

/** The template with every placeholder replaced: its value, else its fallback, else nothing. */
export function fillCannedResponse(body: string, values: PlaceholderValues): string {
  return body.replace(pattern, (whole, name: string, fallback: string | undefined) => {
    if (!isPlaceholder(name)) return whole;
    const value = values[name]?.trim();
    return value || (fallback ?? '');
  });
}
