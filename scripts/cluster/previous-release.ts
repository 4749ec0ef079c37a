/**
 * The previous release's code, checked out beside this one for the rolling-upgrade test.
 *
 * scripts/cluster/PREVIOUS_RELEASE names its commit. The rule it enforces: every migration is
 * backward compatible for one release (expand now, contract in the next), so the previous
 * release keeps working on a database migrated by this one. When a release is cut, the file
 * moves to that release's commit; a contract step (dropping what the previous release still
 * reads or writes) then fails the test until the release after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './cluster';

export type Checkout = { root: string; commit: string; sharesNodeModules: boolean; remove(): void };

export function previousReleaseCommit(): string {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'cluster', 'PREVIOUS_RELEASE'), 'utf8');
  const commit = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^[0-9a-f]{7,40}$/.test(l));
  if (!commit) throw new Error('scripts/cluster/PREVIOUS_RELEASE names no commit');
  return commit;
}

/** `git archive` of the commit into a temporary directory, with node_modules shared when the lockfiles agree. */
export function checkoutPreviousRelease(): Checkout {
  const commit = previousReleaseCommit();
  const git = (args: string[], input?: Buffer) => execFileSync('git', args, { cwd: REPO_ROOT, maxBuffer: 512 * 1024 * 1024, ...(input ? { input } : {}) });
  if (spawnSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: REPO_ROOT }).status !== 0) {
    throw new Error(`the previous release ${commit} is not in this clone's history (a shallow clone? run: git fetch --unshallow)`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-previous-'));
  const tar = git(['archive', '--format=tar', commit]);
  execFileSync('tar', ['-x', '-C', root], { input: tar, maxBuffer: 512 * 1024 * 1024 });
  const sharesNodeModules = lockfilesAgree(git(['show', `${commit}:package-lock.json`]).toString('utf8'));
  if (sharesNodeModules) linkNodeModules(root);
  else execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  return { root, commit, sharesNodeModules, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Every package the old lockfile installs is installed here at the same version (ours may have more). */
function lockfilesAgree(oldLockText: string): boolean {
  type Lock = { packages: Record<string, { version?: string; link?: boolean }> };
  const older = (JSON.parse(oldLockText) as Lock).packages;
  const newer = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as Lock).packages;
  return Object.entries(older).every(([key, pkg]) => !key || pkg.link || !key.includes('node_modules/') || newer[key]?.version === pkg.version);
}

/** node_modules of links into ours, except the workspaces, which point at the old code's own. */
function linkNodeModules(root: string): void {
  const ours = path.join(REPO_ROOT, 'node_modules');
  const theirs = path.join(root, 'node_modules');
  fs.mkdirSync(path.join(theirs, '@niangjia'), { recursive: true });
  for (const name of fs.readdirSync(ours)) {
    if (name === '@niangjia' || name === '.package-lock.json') continue;
    fs.symlinkSync(path.join(ours, name), path.join(theirs, name));
  }
  for (const ws of fs.readdirSync(path.join(ours, '@niangjia'))) {
    const target = fs.realpathSync(path.join(ours, '@niangjia', ws));
    const relative = path.relative(REPO_ROOT, target);
    if (fs.existsSync(path.join(root, relative))) fs.symlinkSync(path.join(root, relative), path.join(theirs, '@niangjia', ws));
  }
  for (const ws of ['apps/server', 'apps/web', 'packages/contracts']) {
    const nested = path.join(REPO_ROOT, ws, 'node_modules');
    if (fs.existsSync(nested) && fs.existsSync(path.join(root, ws))) fs.symlinkSync(nested, path.join(root, ws, 'node_modules'));
  }
}
