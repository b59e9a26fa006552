import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const repositoryRoot = join(import.meta.dirname, '..', '..', '..', '..');

/** The compiled `caredesk` command; vitest's global setup (vitest.global-setup.ts) builds it first. */
export const compiledCli = join(repositoryRoot, 'packages', 'server', 'dist', 'cli.js');

/**
 * Runs the compiled `caredesk` command as `pnpm caredesk …` does, from the repository root,
 * without pnpm's own start-up in front of it.
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  /** Standard input, if the command reads any. */
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--enable-source-maps', compiledCli, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    if (input !== undefined) child.stdin?.end(input);
  });
}
