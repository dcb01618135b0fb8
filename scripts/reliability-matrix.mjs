// `npm run matrix`: runs the secret-leak, bad-input and faults-under-load suites through n8n's
// engine and prints what they tried and found as tables (the README's reliability section).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folder = mkdtempSync(join(tmpdir(), 'lsq-matrix-'));
const reportFile = join(folder, 'rows.jsonl');
const suites = [
	'test/security/secrets.test.ts',
	'test/nodes/badInput.test.ts',
	'test/reliability/faultsUnderLoad.test.ts',
];
const jest = spawnSync('npx', ['jest', '--ci', '--silent', ...suites], {
	stdio: ['ignore', 'ignore', 'pipe'],
	env: { ...process.env, LSQ_MATRIX_REPORT: reportFile },
	encoding: 'utf8',
});
const summary = jest.stderr.split('\n').filter((line) => /^(Tests|Test Suites):/.test(line));
let rows = [];
try {
	rows = readFileSync(reportFile, 'utf8')
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line));
} catch {
	console.error(jest.stderr);
}
rmSync(folder, { recursive: true, force: true });
const table = (name) => rows.filter((row) => row.table === name);

function printTable(header, body) {
	const widths = header.map((cell, column) =>
		Math.max(String(cell).length, ...body.map((row) => String(row[column]).length)),
	);
	const line = (cells) =>
		cells
			.map((cell, column) => String(cell).padEnd(widths[column]))
			.join('  ')
			.trimEnd();
	console.log(line(header));
	for (const row of body) console.log(line(row));
}

const secrets = table('secrets');
const requestKinds = [...new Set(secrets.map((row) => row.request))];
const failures = [...new Set(secrets.map((row) => row.failure))];
const hits = (failure, request, continueOnFail) =>
	secrets.find(
		(row) =>
			row.failure === failure && row.request === request && row.continueOnFail === continueOnFail,
	)?.hits ?? '-';
console.log(
	`\nSecret leaks: ${failures.length} failures x ${requestKinds.length} request kinds x Continue On Fail off/on = ${secrets.length} runs.`,
);
console.log(
	'Each cell: secrets (access key, secret key, x-api-key) found in the run data and logs, CoF off / on.\n',
);
printTable(
	['failure', ...requestKinds],
	failures.map((failure) => [
		failure,
		...requestKinds.map(
			(request) => `${hits(failure, request, false)} / ${hits(failure, request, true)}`,
		),
	]),
);
console.log(`total secret hits: ${secrets.reduce((sum, row) => sum + row.hits, 0)}`);

const badInput = table('badInput');
console.log(
	`\nBad input refused before sending: ${badInput.length} cases, requests sent: ${badInput.reduce((sum, row) => sum + row.requestsSent, 0)}, items output: ${badInput.reduce((sum, row) => sum + row.outputItems, 0)}.\n`,
);
printTable(
	['case', 'error shown'],
	badInput.map((row) => [row.name, row.message]),
);

const faults = table('faults');
console.log(
	'\nFaults under load: 1,000 items per operation, the sandbox injecting 20% faults, Continue On Fail on.\n',
);
printTable(
	[
		'operation',
		'in',
		'out',
		'paired',
		'ok',
		'failed',
		'429',
		'500',
		'reset',
		'slow',
		'malformed',
		'stored',
		'lost',
		'unreported',
		'duplicates',
	],
	faults.map((row) => [
		row.operation,
		row.itemsIn,
		row.itemsOut,
		row.pairedInOrder ? 'yes' : 'NO',
		row.succeeded,
		row.failed,
		row.faults.throttle,
		row.faults.error500 + row.faults.html500,
		row.faults.reset,
		row.faults.slow,
		row.faults.malformed,
		row.storedWrites,
		row.lost,
		row.unreported,
		row.duplicates,
	]),
);
for (const row of table('stopOnFailure')) {
	console.log(
		`\nWithout Continue On Fail: ${row.itemsIn} updates, item ${row.failingItem} fails ("${row.error}"). ` +
			`Written before it: ${row.writtenBefore}; calls already in flight that finished after it: ${row.inFlightFinishedAfter} ` +
			`(${row.allNamedInError ? 'all named in the error' : 'NOT all named in the error'}); nothing new started.`,
	);
}
console.log(`\n${summary.join('\n')}`);
process.exit(jest.status === 0 && rows.length > 0 ? 0 : 1);
