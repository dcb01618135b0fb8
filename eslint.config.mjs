// The rules n8n applies to community packages: the community-nodes plugin's recommended set
// (what n8n's scanner and `n8n-node lint` use) plus eslint-plugin-n8n-nodes-base's package,
// credential and node rule sets. Tests, scripts and the sandbox are not shipped, so they get
// only the TypeScript rules.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const nodesBase = (config) => ({ plugins: { 'n8n-nodes-base': n8nNodesBase }, rules: config.rules });

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'sandbox/dist/**', 'coverage/**', '**/*.js', '**/*.mjs', '!eslint.config.mjs'] },
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: {
			'no-console': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		...n8nCommunityNodesPlugin.configs.recommended,
	},
	{ files: ['package.json'], languageOptions: { parser: jsonParser() }, ...nodesBase(n8nNodesBase.configs.community) },
	{ files: ['credentials/**/*.ts'], ...nodesBase(n8nNodesBase.configs.credentials) },
	{ files: ['nodes/**/*.ts'], ...nodesBase(n8nNodesBase.configs.nodes) },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		rules: {
			// Older rules that contradict the newer community-nodes plugin: it requires
			// NodeConnectionTypes instead of the 'main' literal, and a documentation URL rather
			// than the camelCase slug used inside n8n's own repository.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{ files: ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'benchmarks/**/*.ts'], rules: { 'no-console': 'off' } },
);

// package.json rules read the file as a JS object literal, as eslint-plugin-n8n-nodes-base expects.
function jsonParser() {
	return {
		parseForESLint(code) {
			const ast = tseslint.parser.parseForESLint(`(${code})`, { range: true, loc: true });
			return ast;
		},
	};
}
