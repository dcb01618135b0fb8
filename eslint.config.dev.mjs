// Lint rules for the code that is never shipped: tests, the LeadSquared sandbox, scripts and
// benchmarks. The shipped code (package.json, nodes/, credentials/) is linted by `n8n-node lint`
// with n8n's own config (eslint.config.mjs, unchanged as strict mode requires); see
// scripts/lint-package.mjs. That config applies n8n Cloud's rules for shipped code (no
// `process`, no `setTimeout`, imports limited to n8n-workflow and a few libraries) to every .ts
// file it sees, which a test server or a jest harness cannot follow, so this code gets the same
// JavaScript and TypeScript recommended rules without the Cloud ones.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config({
	files: ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'benchmarks/**/*.ts'],
	ignores: ['sandbox/dist/**'],
	extends: [js.configs.recommended, ...tseslint.configs.recommended],
	rules: {
		'prefer-spread': 'off',
		'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
	},
});
