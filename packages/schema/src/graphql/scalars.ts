import { GraphQLError, Kind } from 'graphql';
import { isIsoDate } from '../domain/calendar/calendar-day.ts';
import { builder } from './builder.ts';

builder.scalarType('DateTime', {
  description: 'An instant in UTC, as ISO 8601 (2026-11-23T10:00:00.000Z).',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string');
    return date;
  },
});

builder.scalarType('Date', {
  description: 'A calendar date without a time, YYYY-MM-DD (2026-11-23).',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' || !isIsoDate(value)) throw new GraphQLError('Date must be a date as YYYY-MM-DD');
    return value;
  },
});

builder.scalarType('JSON', {
  description: 'Arbitrary JSON (for example the page context the widget collected).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return ast.value;
    throw new GraphQLError('JSON literals must be passed as variables');
  },
});

builder.scalarType('File', {
  description: 'An uploaded file (GraphQL multipart request). Input only.',
  serialize: () => {
    throw new GraphQLError('File is an input-only type');
  },
});
