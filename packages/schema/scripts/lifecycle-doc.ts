// Writes docs/ticket-lifecycle.md from the transition table.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lifecycleMarkdown } from '../src/domain/lifecycle-doc.ts';
import { schemaPackageDir } from './prisma-cli.ts';

writeFileSync(join(schemaPackageDir, '..', '..', 'docs', 'ticket-lifecycle.md'), lifecycleMarkdown());
console.log('wrote docs/ticket-lifecycle.md');
