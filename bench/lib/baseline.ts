/**
 * The estimation core as it was at an earlier commit, extracted from git into a temporary folder
 * and imported beside the current one, so one benchmark run can time both on the same requests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The last commit whose core described every model as one kind of layer (before layer groups). */
export const SINGLE_GROUP_COMMIT = '3b0fd54';

export interface BaselineCore {
  commit: string;
  estimate: (
    request: never,
    analysis?: never,
  ) => {
    memory: { totalBytes: number };
    maxContext: { tokens: number };
    timing: { totalSeconds: number; prefill: { operators: unknown[] }; decode: { operators: unknown[] } };
  };
  analyzeModel: (model: never) => unknown;
  models: readonly { id: string }[];
  gpus: readonly { id: string }[];
  dispose: () => void;
}

/** The core of `commit`, or the reason it could not be loaded (no git, a shallow clone). */
export async function loadCore(commit: string): Promise<BaselineCore | string> {
  const dir = mkdtempSync(join(tmpdir(), 'estimator-baseline-'));
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', commit, 'src/core'], {
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    const core = await import(pathToFileURL(join(dir, 'src/core/index.ts')).href);
    const catalog = await import(pathToFileURL(join(dir, 'src/core/catalog/index.ts')).href);
    return {
      commit,
      estimate: core.estimate,
      analyzeModel: core.analyzeModel,
      models: catalog.MODELS,
      gpus: catalog.GPUS,
      dispose: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}
