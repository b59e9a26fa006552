// The `caredesk` command: pnpm caredesk <command>. Each command lives in ./commands and is
// loaded only when it runs.
import { commands } from './commands/index.ts';

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;

if (!command) {
  console.log('usage: pnpm caredesk <command> [options]\n');
  for (const [commandName, { summary }] of Object.entries(commands))
    console.log(`  ${commandName.padEnd(8)} ${summary}`);
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}

try {
  const code = await (await command.load()).run(args);
  if (typeof code === 'number') process.exitCode = code;
} catch (error) {
  const code = (error as { code?: string }).code ?? '';
  // By name: importing ConfigError would load the configuration's modules before every command.
  const kind = (error as Error).name;
  if (kind === 'ConfigError' || kind === 'UsageError' || code.startsWith('ERR_PARSE_ARGS')) {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
}
