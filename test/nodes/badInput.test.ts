/**
 * Every invalid input is refused before anything is sent, with a message that names the item
 * and the field. The table runs each case through the real engine with no interceptors: any
 * request that left would be recorded by useNock() and fail the test.
 */
import type { IDataObject } from 'n8n-workflow';

import { LEAD_NODE, WAIT_NODE, runNode } from '../harness/engine';
import { useNock } from '../harness/http';
import { recordMatrixRow } from '../harness/matrixReport';

const requests = useNock();

const VALID_ID = '11111111-1111-4111-8111-111111111111';
const list = (...rows: Array<[unknown, unknown]>) => ({
	fieldsInput: 'list',
	leadFields: { fields: rows.map(([attribute, value]) => ({ attribute, value })) },
});
const json = (value: string) => ({ fieldsInput: 'json', leadFieldsJson: value });
const lead = (operation: string, parameters: IDataObject) => ({
	resource: 'lead',
	operation,
	...parameters,
});

interface Case {
	name: string;
	parameters: IDataObject;
	input?: IDataObject[];
	type?: string;
	credentials?: IDataObject;
	message: string | RegExp;
}

const cases: Case[] = [
	// Literal empty required fields are already refused by n8n itself; mapped ones reach the node.
	{
		name: 'lead ID mapped to an empty value',
		parameters: lead('update', { leadId: '={{ $json.id }}', ...list(['mx_City', 'Pune']) }),
		input: [{ id: '' }],
		message: 'Lead ID (item 0): is empty',
	},
	{
		name: 'malformed lead ID',
		parameters: lead('update', { leadId: 'lead-42', ...list(['mx_City', 'Pune']) }),
		message: 'Lead ID (item 0): "lead-42" is not a valid lead ID',
	},
	{
		name: 'lead ID mapped to an object',
		parameters: lead('update', { leadId: '={{ $json.lead }}', ...list(['mx_City', 'Pune']) }),
		input: [{ lead: { id: VALID_ID } }],
		message: 'Lead ID (item 0): must be text, not an object',
	},
	{
		name: 'malformed lead ID on the second item',
		parameters: lead('updateAsync', { leadId: '={{ $json.id }}', ...list(['mx_City', 'Pune']) }),
		input: [{ id: VALID_ID }, { id: '12345' }],
		message: 'Lead ID (item 1): "12345" is not a valid lead ID',
	},
	{
		name: 'empty field list',
		parameters: lead('createOrUpdate', list()),
		message: 'Lead Fields (item 0): no fields to send',
	},
	{
		name: 'empty field name',
		parameters: lead('createOrUpdate', list(['EmailAddress', 'a@b.co'], ['', 'x'])),
		message: 'Lead Fields, row 2 (item 0): the field name is empty',
	},
	{
		name: 'display name instead of schema name',
		parameters: lead('capture', list(['First Name', 'Ana'])),
		message: 'Lead Fields, row 1 (item 0): "First Name" is not a LeadSquared schema name',
	},
	{
		name: 'field name that is not text',
		parameters: lead('createOrUpdate', list(['={{ 42 }}', 'x'])),
		message: 'Lead Fields, row 1 (item 0): the field name must be text, not a number',
	},
	{
		name: 'duplicate field',
		parameters: lead(
			'createOrUpdate',
			list(['EmailAddress', 'a@b.co'], ['emailaddress', 'c@d.co']),
		),
		message: 'Lead Fields (item 0): "emailaddress" is set more than once',
	},
	{
		name: 'SearchBy sent as a field',
		parameters: lead('createOrUpdate', list(['SearchBy', 'Phone'])),
		message: 'Lead Fields, row 1 (item 0): SearchBy is not a lead field',
	},
	{
		name: 'invalid JSON',
		parameters: lead('createOrUpdate', json('{"FirstName": "Ana",}')),
		message: /^Lead Fields \(JSON\) \(item 0\): is not valid JSON/,
	},
	{
		name: 'JSON that is neither object nor array',
		parameters: lead('createOrUpdate', json('"Ana"')),
		message: 'Lead Fields (JSON) (item 0): must be a JSON object or array',
	},
	{
		name: 'JSON array entry that is not an object',
		parameters: lead('capture', json('["FirstName"]')),
		message:
			'Lead Fields (JSON), entry 0 (item 0): must be an object like {"Attribute": "FirstName", "Value": "John"}',
	},
	{
		name: 'JSON array entry with an unknown key',
		parameters: lead('capture', json('[{"Attribute": "FirstName", "Value": "Ana", "Type": "x"}]')),
		message: 'Lead Fields (JSON), entry 0 (item 0): has unexpected key "Type"',
	},
	{
		name: 'JSON attribute that is not text',
		parameters: lead('capture', json('[{"Attribute": 7, "Value": "Ana"}]')),
		message: 'Lead Fields (JSON), entry 0 (item 0): the field name must be text, not a number',
	},
	{
		name: 'JSON value that is an object',
		parameters: lead(
			'createOrUpdate',
			json('{"EmailAddress": "a@b.co", "mx_City": {"name": "Pune"}}'),
		),
		message:
			'Lead Fields (JSON), "mx_City" (mx_City) (item 0): the value must be text, a number or true/false, not an object',
	},
	{
		name: 'number that cannot be stored',
		parameters: lead('createOrUpdate', {
			fieldsInput: 'json',
			leadFieldsJson: '={{ { EmailAddress: "a@b.co", mx_Budget: 1/0 } }}',
		}),
		message:
			'Lead Fields (JSON), "mx_Budget" (mx_Budget) (item 0): Infinity is not a number LeadSquared can store',
	},
	{
		name: 'custom field set Fields that are not a list',
		parameters: lead(
			'createOrUpdate',
			json('[{"Attribute": "mx_KYC", "Value": "", "Fields": {"Status": "x"}}]'),
		),
		message:
			'Lead Fields (JSON), entry 0, Fields (item 0): must be an array of {"Attribute", "Value"}',
	},
	{
		name: 'Search By a field that is not sent',
		parameters: lead('createOrUpdate', { ...list(['EmailAddress', 'a@b.co']), searchBy: 'Phone' }),
		message: 'Search By (item 0): searches by Phone, but no Phone value is sent',
	},
	{
		name: 'Search By another field without a name',
		parameters: lead('capture', {
			...list(['EmailAddress', 'a@b.co']),
			searchBy: 'other',
			searchByField: '',
		}),
		message: 'Search By Field Name or ID (item 0): is empty',
	},
	{
		name: 'create or update with no unique field to match on',
		parameters: lead('createOrUpdate', list(['FirstName', 'Ana'], ['EmailAddress', '  '])),
		message: 'Lead Fields (item 0): no Email Address or Phone value to identify the lead',
	},
	{
		name: 'bulk update without lead IDs',
		parameters: lead('bulkUpdate', { leadIds: ' , ', attribute: 'mx_City', value: 'Pune' }),
		message: 'Lead IDs (item 0): no lead IDs given',
	},
	{
		name: 'bulk update with a malformed lead ID',
		parameters: lead('bulkUpdate', {
			leadIds: `${VALID_ID}, xyz`,
			attribute: 'mx_City',
			value: 'Pune',
		}),
		message: 'Lead IDs, entry 1 (item 0): "xyz" is not a valid lead ID',
	},
	{
		name: 'bulk update without a field name',
		parameters: lead('bulkUpdate', {
			leadIds: VALID_ID,
			attribute: '={{ $json.field }}',
			value: 'Pune',
		}),
		input: [{ field: ' ' }],
		message: 'Field Name (item 0): the field name is empty',
	},
	{
		name: 'bulk update with an invalid lead type',
		parameters: lead('bulkUpdate', {
			leadIds: VALID_ID,
			attribute: 'mx_City',
			value: 'Pune',
			options: { leadType: 'Type1' },
		}),
		message: 'Lead Type (item 0): "Type1" is not a lead type',
	},
	{
		name: 'letters in a phone number',
		parameters: lead('get', { findBy: 'phone', phone: '+91 98450 CALLME' }),
		message: 'Phone Number (item 0): "+91 98450 CALLME" contains characters other than digits',
	},
	{
		name: 'an email address without @',
		parameters: lead('get', { findBy: 'email', email: 'ana.example.com' }),
		message: 'Email Address (item 0): "ana.example.com" is not an email address',
	},
	{
		name: 'Limit 0',
		parameters: lead('quickSearch', { key: 'ana', returnAll: false, limit: 0 }),
		message: 'Limit (item 0): 0 is not a whole number of 1 or more',
	},
	{
		name: 'negative Limit from an expression',
		parameters: lead('getRecentlyModified', {
			fromDate: '2026-01-01',
			returnAll: false,
			limit: '={{ -5 }}',
		}),
		message: 'Limit (item 0): -5 is not a whole number of 1 or more',
	},
	{
		name: 'a malformed date',
		parameters: lead('getRecentlyModified', { fromDate: '={{ $json.since }}', returnAll: true }),
		input: [{ since: '31.01.2026' }],
		message: 'Modified After (item 0): "31.01.2026" is not a date',
	},
	{
		name: 'a date range that ends before it starts',
		parameters: lead('getRecentlyModified', {
			fromDate: '2026-02-01T00:00:00Z',
			toDate: '2026-01-01T00:00:00Z',
			returnAll: true,
		}),
		message:
			'Modified After (item 0): 2026-02-01T00:00:00.000Z is after Modified Before (2026-01-01T00:00:00.000Z)',
	},
	{
		name: 'more than 10,000 lead IDs in one item',
		parameters: lead('getManyByIds', { leadIds: '={{ $json.ids }}' }),
		input: [
			{
				ids: Array.from(
					{ length: 10001 },
					(_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
				),
			},
		],
		message: 'Lead IDs (item 0): 10001 lead IDs, more than the 10000 LeadSquared accepts at once',
	},
	{
		name: 'async capture without the async API key',
		parameters: lead('captureAsync', list(['EmailAddress', 'a@b.co'])),
		credentials: { asyncApiKey: '' },
		message: 'Async API Key (x-api-key) in the credential (item 0): is empty',
	},
	{
		name: 'async update in a region with no documented async host',
		parameters: lead('updateAsync', { leadId: VALID_ID, ...list(['mx_City', 'Pune']) }),
		credentials: { apiHost: 'https://api-in22.leadsquared.com', asyncApiHost: 'auto' },
		message:
			'Async API Host in the credential (item 0): LeadSquared documents no async host for the region of https://api-in22.leadsquared.com',
	},
	{
		name: 'status check with a malformed request ID',
		parameters: lead('getRequestStatus', { requestId: 'req-1', requestType: 'capture' }),
		message: 'Request ID (item 0): "req-1" is not a valid request ID',
	},
	{
		name: 'status check without a request type',
		parameters: lead('getRequestStatus', { requestId: VALID_ID, requestType: 'fromInput' }),
		input: [{ requestId: VALID_ID }],
		message: 'Request Type (item 0): the input item has no requestType of "capture" or "update"',
	},
	{
		name: 'wait node given an item without a request ID',
		type: WAIT_NODE,
		parameters: { requestType: 'capture' },
		input: [{ requestId: '' }],
		message: 'Request ID (item 0): is empty',
	},
	{
		name: 'wait node with a Max Wait of zero',
		type: WAIT_NODE,
		parameters: { requestId: VALID_ID, requestType: 'capture', maxWaitSeconds: 0 },
		message: 'Max Wait (Seconds) (item 0): must be a number above 0',
	},
	{
		name: 'wait node asked to wait longer than belongs in one execution',
		type: WAIT_NODE,
		parameters: { requestId: VALID_ID, requestType: 'update', maxWaitSeconds: 3600 },
		message: 'Max Wait (Seconds) (item 0): 3600 is more than 900',
	},
];

it.each(cases)('$name', async ({ name, parameters, input, type, credentials, message }) => {
	const { error, output } = await runNode({
		type: type ?? LEAD_NODE,
		parameters,
		input,
		credentials,
	});
	recordMatrixRow('badInput', {
		name,
		message: error?.message,
		requestsSent: requests.unmatched.length,
		outputItems: output.flat().length,
	});

	expect(output).toEqual([]);
	expect(error?.name).toBe('NodeOperationError');
	if (typeof message === 'string') expect(error?.message).toBe(message);
	else expect(error?.message).toMatch(message);
	expect(requests.unmatched).toEqual([]);
});

it('control: a valid item does reach the network, so the checks above would see a leak', async () => {
	await runNode({
		parameters: lead('update', { leadId: VALID_ID, ...list(['mx_City', 'Pune']) }),
		credentials: { maxRetrySeconds: 0 },
	});

	expect(requests.unmatched.map((request) => request.method)).toEqual(['POST']);
	requests.unmatched.length = 0;
});
