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
const workflowFiles = [
	...workflowFilesIn(join(PROJECT_ROOT, 'examples')),
	...workflowFilesIn(join(PROJECT_ROOT, 'test/e2e/workflows')),
];
const workflowId = (fileName) =>
	JSON.parse(
		readFileSync(
			workflowFiles.find((file) => file.endsWith(fileName)),
			'utf8',
		),
	).id;

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
		const transcript = await prepareUserFolder(install, userFolder, {
			tarball,
			sandbox,
			workflowFiles,
		});
		consoleOutput.push(...transcript.flatMap((result) => [result.stdout, result.stderr]));
		console.log(
			`  (user folder prepared in ${((Date.now() - started) / 1000).toFixed(1)} s: package, credential, ${workflowFiles.length} workflows)`,
		);

		// Example: upsert leads from a list, twice: the second run updates, it does not duplicate.
		let execution = await execute('upsert-leads-from-a-list.json');
		const firstIds = jsonOf(outputOf(execution, 'Create or Update Lead')).map(
			(json) => json.leadId,
		);
		check(
			'upsert example: one lead ID per row',
			firstIds.length === 3 && firstIds.every(Boolean),
			short(firstIds),
		);
		const ana = leadByEmail('ana.souza@example.com');
		check(
			'upsert example: the mapper wrote every mapped column',
			ana?.FirstName === 'Ana' &&
				ana?.LastName === 'Souza' &&
				ana?.Phone === '+91-9845000001' &&
				ana?.mx_City === 'Pune',
			short(ana),
		);
		execution = await execute('upsert-leads-from-a-list.json');
		const secondIds = jsonOf(outputOf(execution, 'Create or Update Lead')).map(
			(json) => json.leadId,
		);
		check(
			'upsert example run again: same leads updated, none duplicated',
			short(secondIds) === short(firstIds) && sandbox.leads().length === 3,
			`${short(secondIds)}; ${sandbox.leads().length} leads`,
		);

		// Example: bulk update a field, with items combined into one call.
		const bulkCallsBefore =
			sandbox.stats().callsByPath['/v2/LeadManagement.svc/Lead/Bulk/Update'] ?? 0;
		execution = await execute('bulk-update-a-field.json');
		const bulkOut = outputOf(execution, 'Set Stage to Opportunity');
		const bulkCalls =
			(sandbox.stats().callsByPath['/v2/LeadManagement.svc/Lead/Bulk/Update'] ?? 0) -
			bulkCallsBefore;
		check(
			'bulk example: one output item per input item, paired',
			bulkOut.length === 5 && bulkOut.every((item, index) => item.pairedItem?.item === index),
			short(bulkOut.map((item) => item.pairedItem)),
		);
		check(
			'bulk example: five items combined into one Bulk Update call',
			bulkCalls === 1,
			`${bulkCalls} calls`,
		);
		const tagged = sandbox.leads().filter((lead) => lead.EmailAddress?.startsWith('bulk.'));
		check(
			'bulk example: every lead now has the new stage',
			tagged.length === 5 && tagged.every((lead) => lead.ProspectStage === 'Opportunity'),
			short(tagged.map((lead) => lead.ProspectStage)),
		);

		// Example: capture async, then wait for LeadSquared to finish.
		execution = await execute('capture-async-then-wait.json');
		const captured = outputOf(execution, 'Wait for LeadSquared Request', 0);
		check(
			'capture-async example: both sign-ups leave by Succeeded',
			captured.length === 2 && outputOf(execution, 'Wait for LeadSquared Request', 1).length === 0,
			short(jsonOf(captured)),
		);
		check(
			"capture-async example: each Succeeded item still carries its sign-up's fields (Include Input Fields)",
			captured.map((item) => item.json.Email).join() === 'maya@example.com,omar@example.com' &&
				captured.every((item) => item.json.succeeded === true),
			short(jsonOf(captured)),
		);
		check(
			'capture-async example: the leads exist once the wait is over',
			leadByEmail('maya@example.com')?.Source === 'Webinar' &&
				leadByEmail('omar@example.com')?.FirstName === 'Omar',
		);

		// Every operation, both outputs of the wait node, and continue-on-fail.
		execution = await execute('every-operation.json');
		const first = (node, output = 0) => outputOf(execution, node, output)[0]?.json;
		const leadId = first('Create or Update')?.leadId;
		check(
			'Create or Update returns the lead ID',
			typeof leadId === 'string' && leadId.length === 36,
			short(first('Create or Update')),
		);
		check(
			'Update returns the lead ID and the rows it changed',
			first('Update')?.leadId === leadId && first('Update')?.affectedRows === 1,
			short(first('Update')),
		);
		check(
			'Capture finds the same lead by email',
			first('Capture')?.leadId === leadId && first('Capture')?.created === false,
			short(first('Capture')),
		);
		check(
			'Bulk Update reports the affected rows and calls',
			first('Bulk Update')?.affectedRows === 1 && first('Bulk Update')?.calls === 1,
			short(first('Bulk Update')),
		);
		const requestId = first('Update (Async)')?.requestId;
		check(
			'Update (Async) returns a RequestID of type update',
			typeof requestId === 'string' && first('Update (Async)')?.requestType === 'update',
			short(first('Update (Async)')),
		);
		const status = first('Get Request Status');
		check(
			'Get Request Status reads it back with a normalised status',
			status?.requestId === requestId &&
				typeof status?.done === 'boolean' &&
				typeof status?.status === 'string',
			short(status),
		);
		check(
			'Wait for Request: the update leaves by Succeeded',
			outputOf(execution, 'Update done').length === 1 &&
				outputOf(execution, 'Update failed').length === 0,
			short(first('Wait for Update')),
		);
		const rejected = first('Wait for Deleted Lead Update', 1);
		check(
			'Wait for Request: an update LeadSquared rejects leaves by Failed with the reason',
			outputOf(execution, 'Deleted lead not updated').length === 1 &&
				outputOf(execution, 'Deleted lead updated').length === 0 &&
				/does not exist/.test(short(rejected)),
			short(rejected),
		);
		const badInput = first('Update a malformed lead ID');
		check(
			'Continue On Fail: malformed lead ID comes out as an error item naming item and field',
			/Lead ID/.test(badInput?.error ?? '') && /item 0/.test(badInput?.error ?? ''),
			short(badInput),
		);
		const eve = leadByEmail('eve.e2e@example.com');
		check(
			'sandbox state: every write landed once',
			eve?.FirstName === 'Eve' &&
				eve?.LastName === 'Adams' &&
				eve?.ProspectStage === 'Customer' &&
				eve?.mx_City === 'Mumbai' &&
				sandbox.leads().filter((lead) => lead.EmailAddress === 'eve.e2e@example.com').length === 1,
			short(eve),
		);

		// Example: find then act: Search leads by a field, then Update each one found.
		execution = await execute('find-then-act.json');
		const found = jsonOf(outputOf(execution, 'Find Leads in Goa'));
		check(
			'find-then-act example: Search finds exactly the three Goa leads, once',
			found.length === 3 && found.every((json) => json.mx_City === 'Goa'),
			short(found),
		);
		const goa = sandbox.leads().filter((lead) => lead.mx_City === 'Goa');
		check(
			'find-then-act example: each lead found is now an Opportunity, the Pune lead untouched',
			goa.length === 3 &&
				goa.every((lead) => lead.ProspectStage === 'Opportunity') &&
				leadByEmail('pune.9@example.com')?.ProspectStage !== 'Opportunity',
			short(sandbox.leads().map((lead) => [lead.EmailAddress, lead.ProspectStage])),
		);

		// Every lead read, against leads the workflow itself creates.
		execution = await execute('lead-reads.json');
		const items = (node) => jsonOf(outputOf(execution, node));
		const created = items('Create or Update').map((json) => json.leadId);
		check(
			'Get by ID: one flat lead per input item, paired, with ISO dates',
			short(items('Get by ID').map((json) => json.ProspectID)) === short(created) &&
				outputOf(execution, 'Get by ID').every((item, index) => item.pairedItem?.item === index) &&
				/^\d{4}-\d{2}-\d{2}T.*Z$/.test(items('Get by ID')[0]?.CreatedOn ?? ''),
			short(items('Get by ID')[0]),
		);
		check(
			'Get by Email finds the lead',
			items('Get by Email').length === 1 && items('Get by Email')[0].ProspectID === created[1],
			short(items('Get by Email')),
		);
		check(
			'Get by Phone finds the lead from a formatted number',
			items('Get by Phone').length === 1 && items('Get by Phone')[0].ProspectID === created[2],
			short(items('Get by Phone')),
		);
		check(
			'Search with Limit 2, sorted by email descending',
			short(items('Search').map((json) => json.EmailAddress)) ===
				short(['reads.3@example.com', 'reads.2@example.com']),
			short(items('Search').map((json) => json.EmailAddress)),
		);
		check(
			'Get Many by IDs returns the three leads with the chosen columns',
			items('Get Many by IDs').length === 3 &&
				items('Get Many by IDs').every(
					(json) => created.includes(json.ProspectID) && json.FirstName === undefined,
				),
			short(items('Get Many by IDs')),
		);
		check(
			'Get Recently Modified includes the new leads, flattened',
			created.every((id) =>
				items('Get Recently Modified').some(
					(json) => json.ProspectID === id && json.LeadPropertyList === undefined,
				),
			),
			`${items('Get Recently Modified').length} leads`,
		);
		check(
			'Quick Search finds the three readers',
			items('Quick Search').filter((json) => created.includes(json.ProspectID)).length === 3,
			short(items('Quick Search').map((json) => json.EmailAddress)),
		);
		check(
			'Continue On Fail: a lead that is not there comes out as one error item naming the field',
			/^Find By \(item 0\): no lead with email address/.test(
				items('Get a Missing Lead')[0]?.error ?? '',
			) && items('Get a Missing Lead').length === 1,
			short(items('Get a Missing Lead')),
		);
		check(
			'Delete removes the lead from the sandbox',
			items('Delete')[0]?.deleted === true &&
				!sandbox.leads().some((lead) => lead.ProspectID === created[2]),
			short(items('Delete')),
		);

		// Example: after a webinar: capture each attendee, post the activity, a task for the lead's owner, add to a list.
		const admin = async (what) => (await fetch(`${sandbox.url}/_sandbox/${what}`)).json();
		execution = await execute('after-a-webinar.json');
		const attendees = [
			'maya.iyer@example.com',
			'omar.shah@example.com',
			'lena.rao@example.com',
		].map(leadByEmail);
		const attendeeIds = attendees.map((lead) => lead?.ProspectID);
		check(
			'webinar example: each attendee captured once, owned by the owner picked in the mapper',
			attendees.every(
				(lead) =>
					lead?.OwnerIdEmailAddress === 'priya.sharma@sandbox.example' &&
					lead?.Source === 'Webinar',
			),
			short(attendees.map((lead) => lead?.OwnerIdEmailAddress)),
		);
		const webinarActivities = (await admin('activities')).filter((activity) =>
			attendeeIds.includes(activity.RelatedProspectId),
		);
		check(
			'webinar example: one "Webinar attended" activity per attendee, with the webinar name and minutes in its fields',
			webinarActivities.length === 3 &&
				webinarActivities.every(
					(activity) =>
						activity.EventCode === 201 && activity.Fields.mx_Custom_1 === 'Spring product launch',
				) &&
				short(webinarActivities.map((activity) => activity.Fields.mx_Custom_2).sort()) ===
					short(['38', '52', '61']),
			short(webinarActivities),
		);
		const followUps = (await admin('tasks')).filter((task) =>
			attendeeIds.includes(task.RelatedEntityId),
		);
		const inTwoDays = (iso) => Math.abs(Date.parse(iso) - (Date.now() + 2 * 86_400_000)) < 600_000;
		check(
			"webinar example: one Follow Up task per attendee, for the lead's owner, due in two days",
			followUps.length === 3 &&
				followUps.every(
					(task) =>
						task.OwnerID === '6a0b1c2d-0000-4000-8000-0000000005a1' &&
						task.TaskType === 'Follow Up' &&
						inTwoDays(task.DueDate),
				),
			short(followUps.map((task) => [task.OwnerID, task.TaskType, task.DueDate])),
		);
		const invitees = (await admin('lists')).find((list) => list.ListName === 'Webinar invitees');
		check(
			'webinar example: every attendee is on the "Webinar invitees" list',
			attendeeIds.every((id) => id && invitees?.Members.includes(id)),
			short(invitees),
		);
		const listed = outputOf(execution, 'Add to Webinar List');
		check(
			'webinar example: one output item per attendee at the end, paired',
			listed.length === 3 && listed.every((item, index) => item.pairedItem?.item === index),
			short(listed.map((item) => item.pairedItem)),
		);

		// Every sales-day operation against the sandbox, checked in its state.
		execution = await execute('sales-day.json');
		const sam = leadByEmail('sam.e2e@example.com');
		const samId = sam?.ProspectID;
		const out = (node, output = 0) => jsonOf(outputOf(execution, node, output));
		const samNotes = (await admin('notes')).filter((note) => note.RelatedProspectId === samId);
		check(
			'Note Create: the note is on the lead; Get Many reads it back',
			samNotes.length === 1 &&
				out('Create Note')[0]?.noteId === samNotes[0].ProspectNoteId &&
				out('Get Notes').length === 1 &&
				out('Get Notes')[0]?.Note === 'Called, asked for a demo next week',
			short(out('Get Notes')),
		);
		const samActivities = (await admin('activities')).filter(
			(activity) => activity.RelatedProspectId === samId && activity.EventCode === 201,
		);
		check(
			'Activity Create by email: posted on the lead with that email, dates sent in UTC',
			samActivities.length === 1 &&
				samActivities[0].ActivityDateTime === '2026-03-01T09:00:00.000Z' &&
				samActivities[0].Fields.mx_Custom_3 === '2026-03-01 08:30:00' &&
				out('Activity by Email')[0]?.activityId === samActivities[0].Id,
			short(samActivities),
		);
		check(
			"Activity Get Many: the lead's webinar activities, own fields as properties, dates as ISO 8601",
			out('Get Webinar Activities').length === 1 &&
				out('Get Webinar Activities')[0]?.EventCode === 201 &&
				out('Get Webinar Activities')[0]?.mx_Custom_1 === 'Spring product launch' &&
				/Z$/.test(out('Get Webinar Activities')[0]?.ActivityDateTime ?? ''),
			short(out('Get Webinar Activities')),
		);
		const samTasks = (await admin('tasks')).filter((task) => task.RelatedEntityId === samId);
		check(
			'Task Create: owner, type and UTC due date as chosen',
			samTasks.length === 1 &&
				samTasks[0].OwnerID === '6a0b1c2d-0000-4000-8000-0000000005a1' &&
				samTasks[0].TaskType === 'Meeting' &&
				samTasks[0].DueDate === '2026-03-03T04:30:00.000Z',
			short(samTasks),
		);
		check(
			'Task Get Many: reads the task back',
			out('Get Tasks').length === 1 && out('Get Tasks')[0]?.Name === 'Send the demo invite',
			short(out('Get Tasks')),
		);
		const samOpportunities = (await admin('opportunities')).filter(
			(opportunity) => opportunity.RelatedProspectId === samId,
		);
		check(
			'Opportunity Capture: created once; the same capture again is reported as a duplicate',
			samOpportunities.length === 1 &&
				out('Capture Opportunity')[0]?.duplicateCheck === 'created' &&
				out('Capture Same Opportunity')[0]?.duplicateCheck ===
					'duplicate found, existing opportunity kept' &&
				out('Capture Same Opportunity')[0]?.opportunityId === samOpportunities[0].OpportunityId,
			short([out('Capture Opportunity')[0], out('Capture Same Opportunity')[0]]),
		);
		check(
			"Opportunity Get Many: the lead's one Admission opportunity",
			out('Get Opportunities').length === 1 &&
				out('Get Opportunities')[0]?.OpportunityId === samOpportunities[0]?.OpportunityId,
			short(out('Get Opportunities')),
		);
		const vip = (await admin('lists')).find((list) => list.ListName === 'VIP customers');
		const calls = sandbox.stats().callsByPath;
		check(
			'List Add Leads then Remove Lead: both sent once, the lead is no longer a member',
			calls['/v2/LeadSegmentation.svc/AddLeadsToStaticList'] >= 1 &&
				calls['/v2/LeadSegmentation.svc/RemoveLeadFromStaticList'] === 1 &&
				vip &&
				!vip.Members.includes(samId),
			short({ vip, calls: calls['/v2/LeadSegmentation.svc/RemoveLeadFromStaticList'] }),
		);
		check(
			'List Get Many: the static lists only',
			out('Get Static Lists').length === 2 &&
				out('Get Static Lists').every((list) => list.ListType === 'static'),
			short(out('Get Static Lists')),
		);
		check(
			'User Get Many: active users only',
			out('Get Users').length === 2 && out('Get Users').every((user) => user.StatusCode === 0),
			short(out('Get Users')),
		);
		const stranger = out('Task for a Stranger')[0];
		const unknownType = out('Activity of Unknown Type')[0];
		check(
			'Continue On Fail: an owner who is not a user and an unknown activity type come out as error items naming item and field, and nothing is sent',
			/^Owner \(item 0\): "stranger@elsewhere.example" is not a user/.test(stranger?.error ?? '') &&
				/^Activity Type \(item 0\): the account has no activity type "999"/.test(
					unknownType?.error ?? '',
				) &&
				!(await admin('tasks')).some((task) => task.Name === 'Should not be sent'),
			short([stranger, unknownType]),
		);

		// Secrets: not in any console output, nor anywhere in n8n's database file.
		const database = readFileSync(join(userFolder, '.n8n', 'database.sqlite')).toString('latin1');
		const secrets = [sandbox.options.accessKey, sandbox.options.secretKey, sandbox.options.apiKey];
		const leaks = secrets.filter(
			(secret) => consoleOutput.some((text) => text.includes(secret)) || database.includes(secret),
		);
		check(
			'no key appears in n8n console output or its database (executions included)',
			leaks.length === 0,
			`${leaks.length} keys found`,
		);
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
