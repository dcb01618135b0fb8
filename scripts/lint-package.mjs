// Runs `n8n-node lint` (strict mode, n8n's default eslint.config.mjs) on exactly the files n8n's
// verification scanner lints in a package's source: package.json, nodes/ and credentials/.
// `n8n-node lint` always lints `.` and its fixed config applies n8n Cloud's rules for shipped
// code to every .ts file, tests and the sandbox included; those are linted by
// eslint.config.dev.mjs instead (npm run lint:dev). So the shipped files are copied, with the
// icons they point at, into .lint-package/ and linted there; paths in the report are shown
// relative to the repository.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, '.lint-package');
const shipped = [
	'package.json',
	'package-lock.json',
	'eslint.config.mjs',
	'tsconfig.json',
	'nodes',
	'credentials',
	'icons',
];

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage);
for (const entry of shipped) cpSync(join(root, entry), join(stage, entry), { recursive: true });
symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');

const args = ['exec', '--', 'n8n-node', 'lint', ...process.argv.slice(2)];
const run = spawnSync('npm', args, {
	cwd: stage,
	encoding: 'utf8',
	env: { ...process.env, FORCE_COLOR: '0' },
});
const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.split(`${stage}/`).join('');
process.stdout.write(output);
rmSync(stage, { recursive: true, force: true });
process.exit(run.status ?? 1);
