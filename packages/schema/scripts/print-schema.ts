// Writes the printed GraphQL schema to schema.graphql (committed; a test fails when it drifts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../src/graphql/index.ts';
import { schemaPackageDir } from './prisma-cli.ts';

writeFileSync(join(schemaPackageDir, 'schema.graphql'), `${printSchema(schema)}\n`);
console.log('wrote packages/schema/schema.graphql');
