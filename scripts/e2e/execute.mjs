// End to end in a real n8n: installs a pinned n8n, installs the packed package under its real
// name, imports the sandbox credential, the examples and an every-operation workflow, runs them
// with `n8n execute` against the local sandbox, and checks the outputs and the sandbox's leads.
//   usage: node scripts/e2e/execute.mjs [n8n versions...]   (default: 2.41.1 1.123.5)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	PROJECT_ROOT,
	checklist,
	ensureBuilt,
	executeWorkflow,
	installN8n,
	packPackage,
	prepareUserFolder,
	startSandbox,
	workflowFilesIn,
} from '../n8n/n8n.mjs';

const versions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['2.41.1', '1.123.5'];
const workflowFiles = [...workflowFilesIn(join(PROJECT_ROOT, 'examples')), ...workflowFilesIn(join(PROJECT_ROOT, 'test/e2e/workflows'))];
const workflowId = (fileName) =>
	JSON.parse(readFileSync(workflowFiles.find((file) => file.endsWith(fileName)), 'utf8')).id;

const { check, summary } = checklist();

/** Items a node sent out of one output in its first run ([] when it never ran). */
function outputOf(execution, nodeName, outputIndex = 0) {
	const run = execution?.data?.resultData?.runData?.[nodeName]?.[0];
	return run?.data?.main?.[outputIndex] ?? [];
}
const jsonOf = (items) => items.map((item) => item.json);
const short = (value) => JSON.stringify(value)?.slice(0, 400);

async function checkVersion(version, tarball) {
	console.log(`\n== n8n ${version}`);
	const install = installN8n(version);
	const userFolder = mkdtempSync(join(tmpdir(), `lsq-e2e-${version}-`));
	const sandbox = await startSandbox({ asyncDelayMs: 1500 });
	const consoleOutput = [];
	const execute = async (fileName) => {
		const result = await executeWorkflow(install, userFolder, workflowId(fileName));
		consoleOutput.push(result.stdout, result.stderr);
		const error = result.execution?.data?.resultData?.error;
		check(
			`${fileName} runs to the end without a workflow error`,
			result.execution !== undefined && error === undefined,
			error ? short(error.message) : `exit ${result.code}: ${result.stderr.slice(-600)}`,
		);
		return result.execution;
	};
	const leadByEmail = (email) => sandbox.leads().find((lead) => lead.EmailAddress === email);
	try {
		const started = Date.now();
		const transcript = await prepareUserFolder(install, userFolder, { tarball, sandbox, workflowFiles });
		consoleOutput.push(...transcript.flatMap((result) => [result.stdout, result.stderr]));
		console.log(`  (user folder prepared in ${((Date.now() - started) / 1000).toFixed(1)} s: package, credential, ${workflowFiles.length} workflows)`);

		// Example: upsert leads from a list, twice: the second run updates, it does not duplicate.
		let execution = await execute('upsert-leads-from-a-list.json');
		const firstIds = jsonOf(outputOf(execution, 'Create or Update Lead')).map((json) => json.leadId);
		check('upsert example: one lead ID per row', firstIds.length === 3 && firstIds.every(Boolean), short(firstIds));
		const ana = leadByEmail('ana.souza@example.com');
		check(
			'upsert example: the mapper wrote every mapped column',
			ana?.FirstName === 'Ana' && ana?.LastName === 'Souza' && ana?.Phone === '+91-9845000001' && ana?.mx_City === 'Pune',
			short(ana),
		);
		execution = await execute('upsert-leads-from-a-list.json');
		const secondIds = jsonOf(outputOf(execution, 'Create or Update Lead')).map((json) => json.leadId);
		check('upsert example run again: same leads updated, none duplicated', short(secondIds) === short(firstIds) && sandbox.leads().length === 3, `${short(secondIds)}; ${sandbox.leads().length} leads`);

		// Example: bulk update a field, with items combined into one call.
		const bulkCallsBefore = sandbox.stats().callsByPath['/v2/LeadManagement.svc/Lead/Bulk/Update'] ?? 0;
		execution = await execute('bulk-update-a-field.json');
		const bulkOut = outputOf(execution, 'Set Stage to Opportunity');
		const bulkCalls = (sandbox.stats().callsByPath['/v2/LeadManagement.svc/Lead/Bulk/Update'] ?? 0) - bulkCallsBefore;
		check('bulk example: one output item per input item, paired', bulkOut.length === 5 && bulkOut.every((item, index) => item.pairedItem?.item === index), short(bulkOut.map((item) => item.pairedItem)));
		check('bulk example: five items combined into one Bulk Update call', bulkCalls === 1, `${bulkCalls} calls`);
		const tagged = sandbox.leads().filter((lead) => lead.EmailAddress?.startsWith('bulk.'));
		check('bulk example: every lead now has the new stage', tagged.length === 5 && tagged.every((lead) => lead.ProspectStage === 'Opportunity'), short(tagged.map((lead) => lead.ProspectStage)));

		// Example: capture async, then wait for LeadSquared to finish.
		execution = await execute('capture-async-then-wait.json');
		const captured = outputOf(execution, 'Wait for LeadSquared Request', 0);
		check('capture-async example: both sign-ups leave by Succeeded', captured.length === 2 && outputOf(execution, 'Wait for LeadSquared Request', 1).length === 0, short(jsonOf(captured)));
		check('capture-async example: the leads exist once the wait is over', leadByEmail('maya@example.com')?.Source === 'Webinar' && leadByEmail('omar@example.com')?.FirstName === 'Omar');

		// Every operation, both outputs of the wait node, and continue-on-fail.
		execution = await execute('every-operation.json');
		const first = (node, output = 0) => outputOf(execution, node, output)[0]?.json;
		const leadId = first('Create or Update')?.leadId;
		check('Create or Update returns the lead ID', typeof leadId === 'string' && leadId.length === 36, short(first('Create or Update')));
		check('Update returns the lead ID and the rows it changed', first('Update')?.leadId === leadId && first('Update')?.affectedRows === 1, short(first('Update')));
		check('Capture finds the same lead by email', first('Capture')?.leadId === leadId && first('Capture')?.created === false, short(first('Capture')));
		check('Bulk Update reports the affected rows and calls', first('Bulk Update')?.affectedRows === 1 && first('Bulk Update')?.calls === 1, short(first('Bulk Update')));
		const requestId = first('Update (Async)')?.requestId;
		check('Update (Async) returns a RequestID of type update', typeof requestId === 'string' && first('Update (Async)')?.requestType === 'update', short(first('Update (Async)')));
		const status = first('Get Request Status');
		check('Get Request Status reads it back with a normalised status', status?.requestId === requestId && typeof status?.done === 'boolean' && typeof status?.status === 'string', short(status));
		check('Wait for Request: the update leaves by Succeeded', outputOf(execution, 'Update done').length === 1 && outputOf(execution, 'Update failed').length === 0, short(first('Wait for Update')));
		const rejected = first('Wait for Deleted Lead Update', 1);
		check('Wait for Request: an update LeadSquared rejects leaves by Failed with the reason', outputOf(execution, 'Deleted lead not updated').length === 1 && outputOf(execution, 'Deleted lead updated').length === 0 && /does not exist/.test(short(rejected)), short(rejected));
		const badInput = first('Update a malformed lead ID');
		check('Continue On Fail: malformed lead ID comes out as an error item naming item and field', /Lead ID/.test(badInput?.error ?? '') && /item 0/.test(badInput?.error ?? ''), short(badInput));
		const eve = leadByEmail('eve.e2e@example.com');
		check('sandbox state: every write landed once', eve?.FirstName === 'Eve' && eve?.LastName === 'Adams' && eve?.ProspectStage === 'Customer' && eve?.mx_City === 'Mumbai' && sandbox.leads().filter((lead) => lead.EmailAddress === 'eve.e2e@example.com').length === 1, short(eve));

		// Example: find then act: Search leads by a field, then Update each one found.
		execution = await execute('find-then-act.json');
		const found = jsonOf(outputOf(execution, 'Find Leads in Goa'));
		check('find-then-act example: Search finds exactly the three Goa leads, once', found.length === 3 && found.every((json) => json.mx_City === 'Goa'), short(found));
		const goa = sandbox.leads().filter((lead) => lead.mx_City === 'Goa');
		check('find-then-act example: each lead found is now an Opportunity, the Pune lead untouched', goa.length === 3 && goa.every((lead) => lead.ProspectStage === 'Opportunity') && leadByEmail('pune.9@example.com')?.ProspectStage !== 'Opportunity', short(sandbox.leads().map((lead) => [lead.EmailAddress, lead.ProspectStage])));

		// Every lead read, against leads the workflow itself creates.
		execution = await execute('lead-reads.json');
		const items = (node) => jsonOf(outputOf(execution, node));
		const created = items('Create or Update').map((json) => json.leadId);
		check('Get by ID: one flat lead per input item, paired, with ISO dates', short(items('Get by ID').map((json) => json.ProspectID)) === short(created) && outputOf(execution, 'Get by ID').every((item, index) => item.pairedItem?.item === index) && /^\d{4}-\d{2}-\d{2}T.*Z$/.test(items('Get by ID')[0]?.CreatedOn ?? ''), short(items('Get by ID')[0]));
		check('Get by Email finds the lead', items('Get by Email').length === 1 && items('Get by Email')[0].ProspectID === created[1], short(items('Get by Email')));
		check('Get by Phone finds the lead from a formatted number', items('Get by Phone').length === 1 && items('Get by Phone')[0].ProspectID === created[2], short(items('Get by Phone')));
		check('Search with Limit 2, sorted by email descending', short(items('Search').map((json) => json.EmailAddress)) === short(['reads.3@example.com', 'reads.2@example.com']), short(items('Search').map((json) => json.EmailAddress)));
		check('Get Many by IDs returns the three leads with the chosen columns', items('Get Many by IDs').length === 3 && items('Get Many by IDs').every((json) => created.includes(json.ProspectID) && json.FirstName === undefined), short(items('Get Many by IDs')));
		check('Get Recently Modified includes the new leads, flattened', created.every((id) => items('Get Recently Modified').some((json) => json.ProspectID === id && json.LeadPropertyList === undefined)), `${items('Get Recently Modified').length} leads`);
		check('Quick Search finds the three readers', items('Quick Search').filter((json) => created.includes(json.ProspectID)).length === 3, short(items('Quick Search').map((json) => json.EmailAddress)));
		check('Continue On Fail: a lead that is not there comes out as one error item naming the field', /^Find By \(item 0\): no lead with email address/.test(items('Get a Missing Lead')[0]?.error ?? '') && items('Get a Missing Lead').length === 1, short(items('Get a Missing Lead')));
		check('Delete removes the lead from the sandbox', items('Delete')[0]?.deleted === true && !sandbox.leads().some((lead) => lead.ProspectID === created[2]), short(items('Delete')));

		// Secrets: not in any console output, nor anywhere in n8n's database file.
		const database = readFileSync(join(userFolder, '.n8n', 'database.sqlite')).toString('latin1');
		const secrets = [sandbox.options.accessKey, sandbox.options.secretKey, sandbox.options.apiKey];
		const leaks = secrets.filter((secret) => consoleOutput.some((text) => text.includes(secret)) || database.includes(secret));
		check('no key appears in n8n console output or its database (executions included)', leaks.length === 0, `${leaks.length} keys found`);
	} catch (error) {
		check(`n8n ${version} run`, false, error instanceof Error ? error.stack : String(error));
	} finally {
		await sandbox.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

ensureBuilt();
const packFolder = mkdtempSync(join(tmpdir(), 'lsq-pack-'));
const tarball = packPackage(packFolder);
for (const version of versions) {
	await checkVersion(version, tarball);
}
rmSync(packFolder, { recursive: true, force: true });
process.exit(summary('e2e', ` (n8n ${versions.join(', ')})`) ? 0 : 1);
