/**
 * `npm start` runs this first (prestart): it builds the web client into web/dist when the build is
 * missing or older than its sources, so a fresh clone's `npm install && npm start` serves the
 * client at / and a `git pull` never serves a stale one; an up-to-date build costs a file scan.
 * `--force` always builds (`npm run build` does the same through Vite's CLI). Without Vite (an
 * install without devDependencies) it says so and the server starts with the API alone.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const webDir = join(root, 'web');
const builtIndex = join(webDir, 'dist', 'index.html');
/** What the build reads: the client's sources and config, and the installed dependency versions. */
const sources = [
  join(webDir, 'src'),
  join(webDir, 'index.html'),
  join(webDir, 'vite.config.ts'),
  join(root, 'package-lock.json'),
];

function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );
}

function webClientIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return sources.some((source) => newestModification(source) > built);
}

const force = process.argv.includes('--force');
if (force || webClientIsStale()) {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    process.stderr.write(
      'web client: not built (Vite is a devDependency; run `npm install` then `npm run build`).\n',
    );
    process.exit(0);
  }
  await vite.build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  process.stdout.write('web client: built into web/dist\n');
}
