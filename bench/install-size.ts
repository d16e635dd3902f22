// The runtime install: `npm ci --omit=dev` of package.json and package-lock.json in a temporary
// folder (install scripts off; npm's cache makes it quick), then the size of its node_modules.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './processes.js';
import { figure, timed } from './support.js';

export async function installSize(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'campaign-desk-install-'));
  try {
    for (const file of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(join(ROOT, file), join(folder, file));
    const [, ms] = await timed(async () =>
      execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: folder, stdio: 'pipe' }),
    );
    const size = execFileSync('du', ['-sh', join(folder, 'node_modules')], { encoding: 'utf8' }).split('\t')[0];
    const packages = execFileSync('sh', ['-c', 'ls -d node_modules/* node_modules/@*/* 2>/dev/null | grep -v "/@[^/]*$" | wc -l'], {
      cwd: folder,
      encoding: 'utf8',
    }).trim();
    figure(
      '`npm ci --omit=dev` node_modules',
      `${size} (${packages} top-level packages; installed in ${(ms / 1000).toFixed(1)} s)`,
      'build-time tools (Prisma CLI, tsx…) are dev dependencies',
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
