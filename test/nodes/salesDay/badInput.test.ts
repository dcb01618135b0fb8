/**
 * Bad input to the sales-day resources is refused before anything is written, naming the item
 * and the field. The account metadata a check needs (activity types, users, ...) is the only
 * thing read; every case lists those reads, and any other request would show up as unmatched.
 */
import type nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../harness/engine';
import { useNock } from '../../harness/http';
import { recordMatrixRow } from '../../harness/matrixReport';
import {
	LEAD_ID,
	PRIYA,
	RAVI,
	WEBINAR_LIST,
	mapped,
	replyActivityTypes,
	replyOpportunityTypes,
	replyTaskTypes,
	replyUsers,
	replyWebinarSetting,
	v2,
} from '../../harness/account';

const requests = useNock();

const activity = (parameters: IDataObject) => ({
	resource: 'activity',
	operation: 'create',
	leadBy: 'id',
	leadId: LEAD_ID,
	activityType: '201',
	activityFields: mapped({ mx_Custom_1: 'Spring launch' }),
	...parameters,
});
const task = (parameters: IDataObject) => ({
	resource: 'task',
	operation: 'create',
	name: 'Follow up',
	taskType: 'Follow Up',
	leadId: LEAD_ID,
	dueDate: '2026-03-02T10:00:00Z',
	owner: PRIYA.ID,
	...parameters,
});

interface Case {
	name: string;
	parameters: IDataObject;
	input?: IDataObject[];
	reads?: Array<() => nock.Scope>;
	message: string;
}

const cases: Case[] = [
	{
		name: 'activity type code the account does not have',
		parameters: activity({ activityType: '999' }),
		reads: [replyActivityTypes],
		message: 'Activity Type (item 0): the account has no activity type "999"',
	},
	{
		name: 'activity on a lead ID that is not a GUID',
		parameters: activity({ leadId: 'lead-42' }),
		message: 'Lead ID (item 0): "lead-42" is not a valid lead ID',
	},
	{
		name: 'activity on a lead email that is not an email address',
		parameters: activity({ leadBy: 'email', leadEmail: 'ana.example.com' }),
		message: 'Lead Email Address (item 0): "ana.example.com" is not an email address',
	},
	{
		name: 'activity with a malformed date-time',
		parameters: activity({ options: { activityDateTime: '={{ $json.when }}' } }),
		input: [{ when: '31.02.2026 10:00' }],
		reads: [replyActivityTypes, replyWebinarSetting],
		message: 'Activity Date-Time (item 0): "31.02.2026 10:00" is not a date-time',
	},
	{
		name: "activity without its type's mandatory field",
		parameters: activity({ activityFields: mapped({ mx_Custom_2: 30 }) }),
		reads: [replyActivityTypes, replyWebinarSetting],
		message: 'Activity Fields (item 0): mandatory field "Webinar Name" (mx_Custom_1) has no value',
	},
	{
		name: "activity field that is not one of the type's",
		parameters: activity({ activityFields: mapped({ mx_Custom_1: 'Launch', mx_Custom_9: 'x' }) }),
		reads: [replyActivityTypes, replyWebinarSetting],
		message: 'Activity Fields, "mx_Custom_9" (item 0): is not a field of this type',
	},
	{
		name: 'activity dropdown field with a value not among its options',
		parameters: activity({
			activityFields: mapped({ mx_Custom_1: 'Launch', mx_Custom_4: 'In person' }),
		}),
		reads: [replyActivityTypes, replyWebinarSetting],
		message: 'Activity Fields, "Format" (item 0): "In person" is not one of its options',
	},
	{
		name: 'activity date field that is not a date',
		parameters: activity({
			activityFields: mapped({ mx_Custom_1: 'Launch', mx_Custom_3: 'yesterday' }),
		}),
		reads: [replyActivityTypes, replyWebinarSetting],
		message: 'Activity Fields, "Attended On" (item 0): "yesterday" is not a date-time',
	},
	{
		name: 'task without a name',
		parameters: task({ name: '={{ $json.subject }}' }),
		input: [{ subject: '  ' }],
		message: 'Name (item 0): is empty',
	},
	{
		name: 'task with a malformed due date',
		parameters: task({ dueDate: '={{ $json.due }}' }),
		input: [{ due: 'next Tuesday' }],
		message: 'Due Date (item 0): "next Tuesday" is not a date-time',
	},
	{
		name: 'task type the account does not have',
		parameters: task({ taskType: 'Site Visit' }),
		reads: [replyTaskTypes],
		message: 'Task Type (item 0): the account has no task type "Site Visit"',
	},
	{
		name: 'task owner who is not a user of the account',
		parameters: task({ owner: 'someone@elsewhere.example' }),
		reads: [replyTaskTypes, replyUsers],
		message:
			'Owner (item 0): "someone@elsewhere.example" is not a user of this LeadSquared account',
	},
	{
		name: 'task owner who is deactivated',
		parameters: task({ owner: RAVI.ID }),
		reads: [replyTaskTypes, replyUsers],
		message: 'Owner (item 0): Ravi Kumar (ravi.kumar@sandbox.example) is not an active user',
	},
	{
		name: 'task with a negative reminder',
		parameters: task({ options: { reminder: -5 } }),
		message: 'Reminder (Minutes Before Due) (item 0): -5 is not a whole number of 0 or more',
	},
	{
		name: 'empty note',
		parameters: {
			resource: 'note',
			operation: 'create',
			leadId: LEAD_ID,
			note: '={{ $json.text }}',
		},
		input: [{ text: '' }],
		message: 'Note (item 0): is empty',
	},
	{
		name: 'note on a lead ID that is not a GUID',
		parameters: { resource: 'note', operation: 'create', leadId: '12345', note: 'Hi' },
		message: 'Lead ID (item 0): "12345" is not a valid lead ID',
	},
	{
		name: 'list ID that is not a GUID',
		parameters: {
			resource: 'list',
			operation: 'addLeads',
			listId: 'Webinar invitees',
			leadIds: LEAD_ID,
		},
		message: 'List (item 0): "Webinar invitees" is not a valid list ID',
	},
	{
		name: 'lead ID to add to a list that is not a GUID',
		parameters: {
			resource: 'list',
			operation: 'addLeads',
			listId: WEBINAR_LIST,
			leadIds: `${LEAD_ID}, lead-7`,
		},
		message: 'Lead IDs, entry 1 (item 0): "lead-7" is not a valid lead ID',
	},
	{
		name: 'lead to remove from a list that is not a GUID',
		parameters: {
			resource: 'list',
			operation: 'removeLead',
			listId: WEBINAR_LIST,
			leadId: 'ana@example.com',
		},
		message: 'Lead ID (item 0): "ana@example.com" is not a valid lead ID',
	},
	{
		name: 'opportunity type the account does not have',
		parameters: {
			resource: 'opportunity',
			operation: 'capture',
			fieldsInput: 'list',
			leadFields: { fields: [{ attribute: 'EmailAddress', value: 'ana@example.com' }] },
			opportunityType: '13000',
			opportunityFields: mapped({}),
		},
		reads: [replyOpportunityTypes],
		message: 'Opportunity Type (item 0): the account has no opportunity type "13000"',
	},
	{
		name: 'activities of a lead filtered by an unknown type',
		parameters: {
			resource: 'activity',
			operation: 'getMany',
			leadId: LEAD_ID,
			activityType: 'Demo booked',
			returnAll: true,
		},
		reads: [replyActivityTypes],
		message: 'Activity Type (item 0): the account has no activity type "Demo booked"',
	},
];

it.each(cases)('$name', async ({ name, parameters, input, reads = [], message }) => {
	reads.forEach((read) => read());
	const { error, output } = await runNode({ parameters, input });
	recordMatrixRow('badInput', {
		name,
		message: error?.message,
		requestsSent: requests.unmatched.length,
		outputItems: output.flat().length,
	});

	expect(output).toEqual([]);
	expect(error?.name).toBe('NodeOperationError');
	expect(error?.message).toBe(message);
	expect(requests.unmatched).toEqual([]);
});

it('with Continue On Fail, a bad item becomes one error item and the good ones are still sent', async () => {
	replyTaskTypes();
	replyUsers();
	v2()
		.post('/v2/Task.svc/Create')
		.times(2)
		.reply(200, { Status: 'Success', Message: { Id: 'b1b2c3d4-0000-4000-8000-000000000001' } });

	const { output } = await runNode({
		parameters: task({ owner: '={{ $json.owner }}' }),
		input: [{ owner: PRIYA.EmailAddress }, { owner: 'nobody@example.com' }, { owner: PRIYA.ID }],
		continueOnFail: true,
	});

	expect(output[0].map((item) => [item.pairedItem, item.json.error ?? item.json.taskId])).toEqual([
		[{ item: 0 }, 'b1b2c3d4-0000-4000-8000-000000000001'],
		[{ item: 1 }, 'Owner (item 1): "nobody@example.com" is not a user of this LeadSquared account'],
		[{ item: 2 }, 'b1b2c3d4-0000-4000-8000-000000000001'],
	]);
});
