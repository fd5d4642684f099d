// Shared test plumbing: project paths, temporary folders, running the built CLI.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (tests run from dist/test/). */
export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
export const SHARED = resolve(ROOT, '..', 'shared');
export const SEEDS = join(SHARED, 'seeds');
export const DEMO_CORPUS = join(ROOT, 'demo', 'corpus');
export const DEMO_GOLD = join(ROOT, 'demo', 'gold');

const made: string[] = [];
// Temporary folders go when the test file's process ends.
process.on('exit', () => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

export function tempDir(prefix = 'storyline-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function runCli(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: opts.input, cwd: opts.cwd ?? ROOT, maxBuffer: 64 * 1024 * 1024 });
}

export function jsonLines<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** The reason to skip a test that needs a folder outside the project, or undefined when it is there. */
export function skipUnlessExists(path: string, what: string): string | undefined {
  if (existsSync(path)) return undefined;
  const reason = `${what} not found at ${path}`;
  console.log(`# skipped: ${reason}`);
  return reason;
}

/** runCli without blocking the event loop, for tests that serve HTTP to the CLI from this process. */
export function runCliAsync(args: string[], opts: { cwd?: string } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
