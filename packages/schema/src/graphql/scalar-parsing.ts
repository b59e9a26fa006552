import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { isIsoDate } from '../domain/calendar/calendar-day.ts';

/**
 * How the API's own scalars read what is sent to them, in variables (`parseValue`) and written in
 * the document (`parseLiteral`; without one, graphql-js reads the literal with `parseValue`).
 * Validation calls them on every literal, so the document-check worker, which builds the schema
 * from its printed SDL, gives its scalars these too (packages/server/src/http/document-check.ts).
 */
export const scalarParsing = {
  DateTime: {
    parseValue: (value: unknown): Date => {
      const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
      if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string');
      return date;
    },
  },
  Date: {
    parseValue: (value: unknown): string => {
      if (typeof value !== 'string' || !isIsoDate(value)) throw new GraphQLError('Date must be a date as YYYY-MM-DD');
      return value;
    },
  },
  JSON: {
    parseValue: (value: unknown): unknown => value,
    parseLiteral: (ast: ValueNode): unknown => {
      if (ast.kind === Kind.STRING) return ast.value;
      throw new GraphQLError('JSON literals must be passed as variables');
    },
  },
};
