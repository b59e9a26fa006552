import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';
import { scalarParsing } from './scalar-parsing.ts';

builder.scalarType('DateTime', {
  description: 'An instant in UTC, as ISO 8601 (2026-11-23T10:00:00.000Z).',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  ...scalarParsing.DateTime,
});

builder.scalarType('Date', {
  description: 'A calendar date without a time, YYYY-MM-DD (2026-11-23).',
  serialize: (value) => String(value),
  ...scalarParsing.Date,
});

builder.scalarType('JSON', {
  description: 'Arbitrary JSON (for example the page context the widget collected).',
  serialize: (value) => value,
  ...scalarParsing.JSON,
});

builder.scalarType('File', {
  description: 'An uploaded file (GraphQL multipart request). Input only.',
  serialize: () => {
    throw new GraphQLError('File is an input-only type');
  },
});
