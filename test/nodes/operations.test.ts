/**
 * Every operation of the LeadSquared node, run through n8n's real engine from a workflow
 * fixture, with nock asserting the exact request LeadSquared's API documentation describes
 * (https://apidocs.leadsquared.com/) and the item that comes out.
 */
import nock from 'nock';

import { API_BASE, ASYNC_BASE, TEST_CREDENTIALS, runWorkflow } from '../harness/engine';
import { loadWorkflow, runFixture } from '../harness/fixtures';
import { useNock } from '../harness/http';

useNock();

const V2_AUTH = {
	reqheaders: {
		'x-lsq-accesskey': TEST_CREDENTIALS.accessKey,
		'x-lsq-secretkey': TEST_CREDENTIALS.secretKey,
	},
	badheaders: ['x-api-key', 'x-n8n-leadsquared-auth'],
};

const ASYNC_AUTH = {
	reqheaders: { 'x-api-key': TEST_CREDENTIALS.asyncApiKey, 'content-type': /application\/json/ },
	badheaders: ['x-lsq-accesskey', 'x-lsq-secretkey', 'x-n8n-leadsquared-auth'],
};

const STATUS_AUTH = {
	reqheaders: { 'x-api-key': TEST_CREDENTIALS.asyncApiKey },
	badheaders: ['x-lsq-accesskey', 'x-lsq-secretkey', 'x-n8n-leadsquared-auth'],
};

const LEAD_ID = 'ce7d56da-7864-495e-9c09-3da7e034aac4';

describe('Create or Update', () => {
	it('posts the fields, custom field set and SearchBy (last) to Lead.CreateOrUpdate', async () => {
		nock(API_BASE, V2_AUTH)
			.post('/v2/LeadManagement.svc/Lead.CreateOrUpdate', [
				{ Attribute: 'EmailAddress', Value: 'john.smith@acmeconsulting.co' },
				{ Attribute: 'FirstName', Value: 'John' },
				{ Attribute: 'Phone', Value: '+919845098450' },
				{
					Attribute: 'mx_KYC',
					Value: '',
					Fields: [
						{ Attribute: 'Status', Value: 'Pending' },
						{ Attribute: 'mx_CustomObject_1', Value: 'XYZ12345.png' },
					],
				},
				{ Attribute: 'SearchBy', Value: 'Phone' },
			])
			.query({ postUpdatedLead: 'true' })
			.reply(200, { Status: 'Success', Message: { Id: LEAD_ID, AffectedRows: 1 } });

		const { output, error } = await runFixture('create-or-update');

		expect(error).toBeUndefined();
		expect(output).toEqual([
			[
				{
					json: {
						leadId: LEAD_ID,
						affectedRows: 1,
						response: { Status: 'Success', Message: { Id: LEAD_ID, AffectedRows: 1 } },
					},
					pairedItem: { item: 0 },
				},
			],
		]);
	});

	it('reads the lead id from RelatedId when a newer response shape uses it', async () => {
		nock(API_BASE, V2_AUTH)
			.post('/v2/LeadManagement.svc/Lead.CreateOrUpdate')
			.query(true)
			.reply(200, { Status: 'Success', Message: { RelatedId: LEAD_ID, AffectedRows: 1 } });

		const { output } = await runFixture('create-or-update');

		expect(output[0][0].json.leadId).toBe(LEAD_ID);
	});
});

describe('Update', () => {
	it('posts to Lead.Update with the lead id in the query and numbers sent as text', async () => {
		nock(API_BASE, V2_AUTH)
			.post('/v2/LeadManagement.svc/Lead.Update', [
				{ Attribute: 'mx_City', Value: 'London' },
				{ Attribute: 'mx_Budget', Value: '1500' },
			])
			.query({ leadId: LEAD_ID, postUpdatedLead: 'false' })
			.reply(200, { Status: 'Success', Message: { AffectedRows: 1 } });

		const { output, error } = await runFixture('update');

		expect(error).toBeUndefined();
		expect(output[0]).toEqual([
			{
				json: {
					leadId: LEAD_ID,
					affectedRows: 1,
					response: { Status: 'Success', Message: { AffectedRows: 1 } },
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Bulk Update', () => {
	const ids = Array.from(
		{ length: 120 },
		(_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
	);

	it('splits 120 lead ids into calls of 50, 50 and 20 and sums the affected rows', async () => {
		const seenBodies: unknown[] = [];
		nock(API_BASE, V2_AUTH)
			.post('/v2/LeadManagement.svc/Lead/Bulk/Update', (body) => {
				seenBodies.push(body);
				return true;
			})
			.times(3)
			.reply(200, (_uri, body) => ({
				Status: 'Success',
				Message: { AffectedRows: (body as { LeadIds: string[] }).LeadIds.length },
			}));

		const { output, error } = await runFixture('bulk-update', {
			input: [{ ids: ids.join(',\n') }],
		});

		expect(error).toBeUndefined();
		const sorted = (seenBodies as Array<{ LeadIds: string[] }>).sort((a, b) =>
			a.LeadIds[0].localeCompare(b.LeadIds[0]),
		);
		expect(sorted.map((body) => body.LeadIds)).toEqual([
			ids.slice(0, 50),
			ids.slice(50, 100),
			ids.slice(100),
		]);
		expect(sorted[0]).toEqual({
			LeadIds: ids.slice(0, 50),
			LeadFields: { Attribute: 'mx_City', Value: 'Bangalore' },
			Attribute: 'LeadType',
			Value: 'OT_1',
		});
		expect(output[0]).toEqual([
			{
				json: {
					leadCount: 120,
					affectedRows: 120,
					notUpdated: 0,
					calls: 3,
					attribute: 'mx_City',
					value: 'Bangalore',
					leadType: 'OT_1',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('accepts a list of ids from an expression and drops duplicates', async () => {
		nock(API_BASE, V2_AUTH)
			.post('/v2/LeadManagement.svc/Lead/Bulk/Update', {
				LeadIds: [ids[0], ids[1]],
				LeadFields: { Attribute: 'mx_City', Value: 'Bangalore' },
				Attribute: 'LeadType',
				Value: 'OT_1',
			})
			.reply(200, { Status: 'Success', Message: { AffectedRows: 2 } });

		const { output } = await runFixture('bulk-update', {
			input: [{ ids: [ids[0], ids[1], ids[0]] }],
		});

		expect(output[0][0].json).toMatchObject({ leadCount: 2, affectedRows: 2, calls: 1 });
	});

	it('says how many IDs LeadSquared left alone, and why that happens', async () => {
		nock(API_BASE, V2_AUTH)
			.post('/v2/LeadManagement.svc/Lead/Bulk/Update')
			.reply(200, { Status: 'Success', Message: { AffectedRows: 1 } });

		const { output } = await runFixture('bulk-update', {
			input: [{ ids: [ids[0], ids[1], ids[2]] }],
		});

		expect(output[0][0].json).toMatchObject({ leadCount: 3, affectedRows: 1, notUpdated: 2 });
		expect(output[0][0].json.note).toMatch(/updated 1 of 3 leads.*does not exist/);
	});
});

describe('Bulk Update, combining items', () => {
	const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

	it('sends items that set the same field and value in shared calls of 50', async () => {
		const seen: Array<{ LeadIds: string[]; LeadFields: { Value: string } }> = [];
		nock(API_BASE, V2_AUTH)
			.post('/v2/LeadManagement.svc/Lead/Bulk/Update', (body) => {
				seen.push(body);
				return true;
			})
			.times(3)
			.reply(200, (_uri, body) => ({
				Status: 'Success',
				Message: { AffectedRows: (body as { LeadIds: string[] }).LeadIds.length },
			}));
		const fixture = loadWorkflow('bulk-update');
		const node = {
			...fixture.nodes[0],
			parameters: {
				...fixture.nodes[0].parameters,
				value: '={{ $json.city }}',
				options: { mergeItems: true },
			},
		};
		const input = [
			{ ids: Array.from({ length: 30 }, (_, n) => id(n)), city: 'Pune' },
			{ ids: Array.from({ length: 30 }, (_, n) => id(30 + n)), city: 'Pune' },
			{ ids: [id(500)], city: 'Delhi' },
			{ ids: Array.from({ length: 30 }, (_, n) => id(60 + n)), city: 'Pune' },
		];

		const run = await runWorkflow({ nodes: [node], connections: {}, input });
		const output = run.outputs(node.name)[0];

		expect(run.error).toBeUndefined();
		const puneCalls = seen
			.filter((body) => body.LeadFields.Value === 'Pune')
			.map((body) => body.LeadIds.length)
			.sort();
		expect(puneCalls).toEqual([40, 50]);
		expect(
			seen.filter((body) => body.LeadFields.Value === 'Delhi').map((body) => body.LeadIds),
		).toEqual([[id(500)]]);
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(output[0].json).toMatchObject({
			leadCount: 30,
			value: 'Pune',
			sharedCalls: 1,
			sharedCallsAffectedRows: 50,
		});
		expect(output[1].json).toMatchObject({
			leadCount: 30,
			sharedCalls: 2,
			sharedCallsAffectedRows: 90,
		});
		expect(output[2].json).toMatchObject({
			leadCount: 1,
			value: 'Delhi',
			sharedCalls: 1,
			sharedCallsAffectedRows: 1,
		});
	});
});

describe('Capture', () => {
	it('posts JSON-mode fields with SearchBy to Lead.Capture with LeadUpdateBehavior', async () => {
		nock(API_BASE, V2_AUTH)
			.post('/v2/LeadManagement.svc/Lead.Capture', [
				{ Attribute: 'FirstName', Value: 'Bret' },
				{ Attribute: 'LastName', Value: 'Lee' },
				{ Attribute: 'EmailAddress', Value: 'bret.lee@australia.com' },
				{ Attribute: 'SearchBy', Value: 'EmailAddress' },
			])
			.query({ LeadUpdateBehavior: 'UpdateOnlyEmptyFields' })
			.reply(200, {
				Status: 'Success',
				Message: { Id: LEAD_ID, RelatedId: LEAD_ID, IsCreated: true, AffectedRows: 1 },
			});

		const { output, error } = await runFixture('capture');

		expect(error).toBeUndefined();
		expect(output[0][0]).toEqual({
			json: {
				leadId: LEAD_ID,
				created: true,
				affectedRows: 1,
				response: {
					Status: 'Success',
					Message: { Id: LEAD_ID, RelatedId: LEAD_ID, IsCreated: true, AffectedRows: 1 },
				},
			},
			pairedItem: { item: 0 },
		});
	});
});

describe('Capture (Async)', () => {
	it('posts to the async host with the keys in the query string (percent-encoded) and x-api-key', async () => {
		let rawPath = '';
		nock(ASYNC_BASE, ASYNC_AUTH)
			.post('/lead/capture', [
				{ Attribute: 'FirstName', Value: 'Bret' },
				{ Attribute: 'Phone', Value: '8888888888' },
				{ Attribute: 'SearchBy', Value: 'Phone' },
			])
			.query({ accessKey: TEST_CREDENTIALS.accessKey, secretKey: TEST_CREDENTIALS.secretKey })
			.reply(function () {
				rawPath = this.req.path;
				return [
					200,
					{
						Status: 'Request accepted. Please use below request id to check the status',
						RequestID: '8eca6fa6-262c-43eb-8cfe-6e3325e2dc73',
					},
				];
			});

		const { output, error } = await runFixture('capture-async');

		expect(error).toBeUndefined();
		// The access key's `$` must arrive encoded, or LeadSquared may silently drop the payload.
		expect(rawPath).toContain('accessKey=u%24r0test-access-key');
		expect(output[0]).toEqual([
			{
				json: {
					requestId: '8eca6fa6-262c-43eb-8cfe-6e3325e2dc73',
					requestType: 'capture',
					status: 'Request accepted. Please use below request id to check the status',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('fails before sending anything when the credential has no async API key', async () => {
		const { error } = await runFixture('capture-async', { credentials: { asyncApiKey: '' } });

		expect(error?.message).toBe('Async API Key (x-api-key) in the credential (item 0): is empty');
	});

	it("derives the async host from the API host's region", async () => {
		nock('https://asyncapi-in21.leadsquared.com', ASYNC_AUTH)
			.post('/lead/capture')
			.query(true)
			.reply(200, { RequestID: 'x', Status: 'ok' });

		const { error } = await runFixture('capture-async', {
			credentials: { apiHost: 'https://api-in21.leadsquared.com', asyncApiHost: 'auto' },
		});

		expect(error).toBeUndefined();
	});
});

describe('Update (Async)', () => {
	it('posts to lead/update with leadId and postUpdatedLead in the query', async () => {
		nock(ASYNC_BASE, ASYNC_AUTH)
			.post('/lead/update', [
				{ Attribute: 'Phone', Value: '9999999999' },
				{ Attribute: 'mx_City', Value: 'London' },
			])
			.query({
				accessKey: TEST_CREDENTIALS.accessKey,
				secretKey: TEST_CREDENTIALS.secretKey,
				leadId: '7ba60ab0-7054-4856-8590-1b5a9f904ad1',
				postUpdatedLead: 'true',
			})
			.reply(200, {
				Status: 'Request accepted. Please use below request id to check the status',
				RequestID: '7ba60ab0-7054-4856-8590-1b5a9f904ad1',
			});

		const { output, error } = await runFixture('update-async');

		expect(error).toBeUndefined();
		expect(output[0][0].json).toEqual({
			requestId: '7ba60ab0-7054-4856-8590-1b5a9f904ad1',
			requestType: 'update',
			leadId: '7ba60ab0-7054-4856-8590-1b5a9f904ad1',
			status: 'Request accepted. Please use below request id to check the status',
		});
	});
});

describe('Get Request Status', () => {
	const updateStatus = {
		RequestID: '7ba60ab0-7054-4856-8590-1b5a9f904ad1',
		TaskStatus: {
			TaskType: 'Lead Update',
			Status: 'Success',
			StatusReason: 'Request was successfully completed',
			TaskCurrentStep: null,
			TaskLastStep: 'In-Process-Queue',
			RequestBody: '[\r\n {\r\n "Attribute": "mx_City",\r\n "Value": "Bangalore"\r\n }\r\n]\n',
			Message: '{"Status":"Success","Message":{"AffectedRows":1}}',
		},
	};
	const captureStatus = {
		RequestId: '8eca6fa6-262c-43eb-8cfe-6e3325e2dc73',
		TaskStatus: {
			TaskType: 'Lead Capture',
			Status: 'In-Queue',
			StatusReason: null,
			TaskCurrentStep: 'In-Queue',
			TaskLastStep: null,
			RequestBody: '[{"Attribute":"FirstName","Value":"Bret"}]',
			Message: null,
		},
	};

	it('asks each status endpoint with only x-api-key and parses the embedded JSON', async () => {
		nock(ASYNC_BASE, STATUS_AUTH)
			.get('/lead/update/status')
			.query({ RequestID: updateStatus.RequestID })
			.reply(200, updateStatus);
		nock(ASYNC_BASE, STATUS_AUTH)
			.get('/lead/status')
			.query({ RequestID: captureStatus.RequestId })
			.reply(200, captureStatus);

		const { output, error } = await runFixture('get-request-status');

		expect(error).toBeUndefined();
		expect(output[0]).toEqual([
			{
				json: {
					requestId: updateStatus.RequestID,
					requestType: 'update',
					status: 'Success',
					state: 'succeeded',
					done: true,
					succeeded: true,
					failed: false,
					statusReason: 'Request was successfully completed',
					taskType: 'Lead Update',
					currentStep: null,
					lastStep: 'In-Process-Queue',
					affectedRows: 1,
					message: { Status: 'Success', Message: { AffectedRows: 1 } },
					requestBody: [{ Attribute: 'mx_City', Value: 'Bangalore' }],
					response: updateStatus,
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					requestId: captureStatus.RequestId,
					requestType: 'capture',
					status: 'In-Queue',
					state: 'queued',
					done: false,
					succeeded: false,
					failed: false,
					statusReason: null,
					taskType: 'Lead Capture',
					currentStep: 'In-Queue',
					lastStep: null,
					message: null,
					requestBody: [{ Attribute: 'FirstName', Value: 'Bret' }],
					response: captureStatus,
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('uses the status path override from the options', async () => {
		nock(ASYNC_BASE, STATUS_AUTH)
			.get('/custom/status/path')
			.query({ RequestID: updateStatus.RequestID })
			.reply(200, updateStatus);
		const fixture = loadWorkflow('get-request-status');
		const node = {
			...fixture.nodes[0],
			parameters: {
				...fixture.nodes[0].parameters,
				options: { statusPath: '/custom/status/path' },
			},
		};

		const run = await runWorkflow({
			nodes: [node],
			connections: {},
			input: [fixture.testInput[0]],
		});

		expect(run.outputs(node.name)[0][0].json.succeeded).toBe(true);
	});
});
