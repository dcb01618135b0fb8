/**
 * The sandbox behaves like LeadSquared as its documentation describes: key checks, validation
 * that rejects whole payloads, the matching rules of each write endpoint, the 50-lead bulk
 * limit, the rate limit, the async queue, and faults that never half-apply a write.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { startSandbox, type Sandbox } from '../../sandbox/src/server';
import { KEYS, V2_HEADERS, asyncQuery, call, fields } from './client';

let sandbox: Sandbox;

beforeEach(async () => {
	sandbox = await startSandbox({ port: 0, asyncDelayMs: 50 });
});
afterEach(async () => {
	await sandbox.close();
});

const COU = '/v2/LeadManagement.svc/Lead.CreateOrUpdate';
const UPDATE = '/v2/LeadManagement.svc/Lead.Update';
const CAPTURE = '/v2/LeadManagement.svc/Lead.Capture';
const BULK = '/v2/LeadManagement.svc/Lead/Bulk/Update';

async function createLead(values: Record<string, string>): Promise<string> {
	const answer = await call(sandbox, 'POST', COU, { body: fields(values) });
	expect(answer.status).toBe(200);
	return answer.body.Message.Id;
}

describe('keys', () => {
	it('accepts the keys as headers or as query parameters, and nothing else', async () => {
		const path = '/v2/Authentication.svc/UserByAccessKey.Get';
		expect((await call(sandbox, 'GET', path)).status).toBe(200);
		expect((await call(sandbox, 'GET', `${path}?${asyncQuery}`, { headers: {} })).status).toBe(200);
		const wrong = await call(sandbox, 'GET', path, {
			headers: { ...V2_HEADERS, 'x-LSQ-SecretKey': 'nope' },
		});
		expect(wrong.status).toBe(401);
		expect(wrong.body).toMatchObject({
			Status: 'Error',
			ExceptionType: 'MXUnAuthorizedAccessException',
		});
	});

	it('names its own host in UserByAccessKey.Get, and refuses other calls on a "wrong region" host', async () => {
		await sandbox.close();
		sandbox = await startSandbox({ port: 0, homeHost: 'api-home.example:443' });

		const user = await call(sandbox, 'GET', '/v2/Authentication.svc/UserByAccessKey.Get');
		const other = await call(sandbox, 'GET', '/v2/LeadManagement.svc/LeadsMetaData.Get');

		expect(user.body.LSQCommonServiceURLs.api).toBe('api-home.example:443');
		expect(other.status).toBe(401);
	});
});

describe('metadata', () => {
	it('lists fields with option sets unless excluded, or one field by schema name', async () => {
		const all = await call(sandbox, 'GET', '/v2/LeadManagement.svc/LeadsMetaData.Get');
		const lean = await call(
			sandbox,
			'GET',
			'/v2/LeadManagement.svc/LeadsMetaData.Get?excludeOptionSets=1',
		);
		const one = await call(
			sandbox,
			'GET',
			'/v2/LeadManagement.svc/LeadsMetaData.Get?schemaName=mx_City',
		);

		expect(
			all.body.find((field: { SchemaName: string }) => field.SchemaName === 'mx_Interested_In')
				.Options,
		).toHaveLength(3);
		expect(
			lean.body.find((field: { SchemaName: string }) => field.SchemaName === 'mx_Interested_In')
				.Options,
		).toBeUndefined();
		expect(one.body).toEqual([
			expect.objectContaining({ SchemaName: 'mx_City', DataType: 'Text' }),
		]);
	});
});

describe('Create or Update', () => {
	it('matches on email (any case), then phone (exact), otherwise creates', async () => {
		const id = await createLead({
			EmailAddress: 'Ana@Example.com',
			Phone: '+91-9045454045',
			FirstName: 'Ana',
		});

		expect(await createLead({ EmailAddress: 'ana@example.com', FirstName: 'Ana M' })).toBe(id);
		expect(await createLead({ Phone: '+91-9045454045', mx_City: 'Pune' })).toBe(id);
		const other = await createLead({ Phone: '91-9045454045' });

		expect(other).not.toBe(id);
		expect(sandbox.leads()).toHaveLength(2);
		expect(sandbox.leads().find((lead) => lead.ProspectID === id)).toMatchObject({
			FirstName: 'Ana M',
			mx_City: 'Pune',
		});
	});

	it('rejects the whole payload when one attribute is unknown', async () => {
		const answer = await call(sandbox, 'POST', COU, {
			body: fields({ EmailAddress: 'a@b.co', mx_Nope: 'x', mx_Nah: 'y' }),
		});

		expect(answer.status).toBe(500);
		expect(answer.body).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: 'Attribute(s) does not exist - mx_Nope,mx_Nah',
		});
		expect(sandbox.leads()).toEqual([]);
	});

	it('needs a unique field, and SearchBy must name a field that is sent', async () => {
		const none = await call(sandbox, 'POST', COU, { body: fields({ FirstName: 'Ana' }) });
		const searchBy = await call(sandbox, 'POST', COU, {
			body: [...fields({ EmailAddress: 'a@b.co' }), { Attribute: 'SearchBy', Value: 'Phone' }],
		});

		expect(none.body.ExceptionType).toBe('MXMandatoryAttributeMissingException');
		expect(searchBy.status).toBe(500);
		expect(searchBy.body.ExceptionMessage).toBe('SearchBy attribute Phone is not passed');
	});

	it('refuses an email match whose phone belongs to another lead', async () => {
		await createLead({ EmailAddress: 'a@b.co' });
		await createLead({ EmailAddress: 'c@d.co', Phone: '111' });

		const clash = await call(sandbox, 'POST', COU, {
			body: fields({ EmailAddress: 'a@b.co', Phone: '111' }),
		});

		expect(clash.status).toBe(500);
		expect(clash.body.ExceptionType).toBe('MXDuplicateEntryException');
	});

	it('answers 400 for a body that is not JSON', async () => {
		const answer = await call(sandbox, 'POST', COU, { raw: '[{"Attribute": "FirstName",' });

		expect(answer.status).toBe(400);
		expect(answer.body.ExceptionMessage).toMatch(
			/^Unexpected character encountered while parsing value/,
		);
	});

	it('stores custom field sets with their own fields', async () => {
		const id = await createLead({ EmailAddress: 'kyc@b.co' });
		await call(sandbox, 'POST', `${UPDATE}?leadId=${id}`, {
			body: [
				{ Attribute: 'mx_KYC', Value: '', Fields: [{ Attribute: 'Status', Value: 'Pending' }] },
			],
		});

		expect(sandbox.leads()[0].mx_KYC).toEqual({ Status: 'Pending' });
	});
});

describe('Update', () => {
	it('requires a known lead id', async () => {
		const missing = await call(sandbox, 'POST', UPDATE, { body: fields({ mx_City: 'Pune' }) });
		const unknown = await call(
			sandbox,
			'POST',
			`${UPDATE}?leadId=00000000-0000-4000-8000-000000000000`,
			{ body: fields({ mx_City: 'Pune' }) },
		);

		expect(missing.body).toEqual({
			Status: 'Error',
			ExceptionType: 'MXMandatoryAttributeMissingException',
			ExceptionMessage: "'leadId' is mandatory for updating lead",
		});
		expect(unknown.body.ExceptionMessage).toBe('Lead does not exist in the system');
	});
});

describe('Capture', () => {
	it('creates a new lead when the ProspectID matches but the email differs', async () => {
		const id = await createLead({ EmailAddress: 'first@b.co' });

		const answer = await call(sandbox, 'POST', CAPTURE, {
			body: fields({ ProspectID: id, EmailAddress: 'second@b.co' }),
		});

		expect(answer.body.Message.IsCreated).toBe(true);
		expect(answer.body.Message.Id).not.toBe(id);
	});

	it('honours LeadUpdateBehavior', async () => {
		const id = await createLead({ EmailAddress: 'a@b.co', FirstName: 'Ana', Phone: '1' });
		const send = async (behavior: string, values: Record<string, string>) =>
			await call(sandbox, 'POST', `${CAPTURE}?LeadUpdateBehavior=${behavior}`, {
				body: fields({ EmailAddress: 'a@b.co', ...values }),
			});

		await send('DoNotUpdate', { FirstName: 'X' });
		await send('UpdateOnlyEmptyFields', { FirstName: 'Y', mx_City: 'Pune' });
		await send('DoNotUpdateUniqueFields', { Phone: '2', LastName: 'Lee' });

		expect(sandbox.leads()).toEqual([
			expect.objectContaining({
				ProspectID: id,
				FirstName: 'Ana',
				mx_City: 'Pune',
				Phone: '1',
				LastName: 'Lee',
			}),
		]);
	});
});

describe('Bulk Update', () => {
	it('updates the leads that exist and refuses more than 50 ids', async () => {
		const ids = [
			await createLead({ EmailAddress: 'a@b.co' }),
			await createLead({ EmailAddress: 'c@d.co' }),
		];
		const unknownId = '00000000-0000-4000-8000-000000000000';

		const ok = await call(sandbox, 'POST', BULK, {
			body: { LeadIds: [...ids, unknownId], LeadFields: { Attribute: 'mx_City', Value: 'Pune' } },
		});
		const tooMany = await call(sandbox, 'POST', BULK, {
			body: {
				LeadIds: Array.from({ length: 51 }, () => unknownId),
				LeadFields: { Attribute: 'mx_City', Value: 'X' },
			},
		});

		expect(ok.body).toEqual({ Status: 'Success', Message: { AffectedRows: 2 } });
		expect(tooMany.status).toBe(500);
		expect(sandbox.leads().map((lead) => lead.mx_City)).toEqual(['Pune', 'Pune']);
	});
});

describe('rate limit', () => {
	it("throttles past N calls per window with LeadSquared's message, then recovers", async () => {
		sandbox.configure({ rateLimit: 3, rateWindowMs: 300 });
		const path = '/v2/Authentication.svc/UserByAccessKey.Get';

		const answers = await Promise.all(
			Array.from({ length: 5 }, async () => await call(sandbox, 'GET', path)),
		);
		await new Promise((resolve) => setTimeout(resolve, 350));
		const later = await call(sandbox, 'GET', path);

		expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429, 429]);
		expect(answers.find((answer) => answer.status === 429)?.body.ExceptionMessage).toBe(
			'API calls exceeded the limit of 3 in 0.3 second(s)',
		);
		expect(later.status).toBe(200);
		expect(sandbox.stats()).toMatchObject({ throttled: 2, maxCallsInAnyWindow: 3 });
	});

	it('can throttle with 403 as some accounts do', async () => {
		sandbox.configure({ rateLimit: 1, throttleStatus: 403 });
		await call(sandbox, 'GET', '/v2/Authentication.svc/UserByAccessKey.Get');

		const second = await call(sandbox, 'GET', '/v2/Authentication.svc/UserByAccessKey.Get');

		expect(second.status).toBe(403);
		expect(second.body.ExceptionMessage).toBe('API calls exceeded the limit of 1 in 5 second(s)');
	});
});

describe('budgets beyond the window', () => {
	const USER = '/v2/Authentication.svc/UserByAccessKey.Get';
	const bulkBody = (ids: string[]) => ({
		LeadIds: ids,
		LeadFields: { Attribute: 'mx_City', Value: 'Pune' },
	});

	it('gives bulk endpoints their own limit when one is set, leaving other calls alone', async () => {
		sandbox.configure({ rateLimit: 5, bulkRateLimit: 1 });
		const id = '6a0b1c2d-0000-4000-8000-000000000b01';

		const firstBulk = await call(sandbox, 'POST', BULK, { body: bulkBody([id]) });
		const secondBulk = await call(sandbox, 'POST', BULK, { body: bulkBody([id]) });
		const other = await call(sandbox, 'GET', USER);

		expect([firstBulk.status, secondBulk.status, other.status]).toEqual([200, 429, 200]);
		expect(secondBulk.body.ExceptionMessage).toBe(
			'API calls exceeded the limit of 1 in 5 second(s)',
		);
		expect(sandbox.stats()).toMatchObject({ maxBulkCallsInAnyWindow: 1, maxCallsInAnyWindow: 1 });
	});

	it('refuses calls past the daily cap with a daily message and, when told to, a Retry-After until midnight UTC', async () => {
		sandbox.configure({ rateLimit: 0, dailyLimit: 2, retryAfter: 'seconds' });

		const answers = [
			await call(sandbox, 'GET', USER),
			await call(sandbox, 'GET', USER),
			await call(sandbox, 'GET', USER),
		];
		const secondsToMidnight = Math.ceil(
			((Math.floor(Date.now() / 86_400_000) + 1) * 86_400_000 - Date.now()) / 1000,
		);

		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
		expect(answers[2].body.ExceptionMessage).toBe('API calls exceeded the daily limit of 2');
		expect(
			Math.abs(Number(answers[2].headers.get('retry-after')) - secondsToMidnight),
		).toBeLessThanOrEqual(2);
		expect(sandbox.stats()).toMatchObject({ calls: 2, throttled: 1, dailyCapRefusals: 1 });
	});

	it('sends no Retry-After by default, as LeadSquared documents none, and an HTTP date when asked', async () => {
		sandbox.configure({ rateLimit: 1 });
		await call(sandbox, 'GET', USER);
		const without = await call(sandbox, 'GET', USER);
		sandbox.configure({ retryAfter: 'httpDate' });
		const withDate = await call(sandbox, 'GET', USER);

		expect(without.headers.get('retry-after')).toBeNull();
		expect(Number.isNaN(Date.parse(withDate.headers.get('retry-after') ?? ''))).toBe(false);
	});

	it("logs every call with when it came, when it was counted, its answer and its lead's email", async () => {
		sandbox.configure({ rateLimit: 1, faults: { countDelayMs: 20, countDelayJitterMs: 10 } });
		await call(sandbox, 'POST', COU, { body: fields({ EmailAddress: 'run7-1@example.com' }) });
		await call(sandbox, 'POST', COU, { body: fields({ EmailAddress: 'run7-2@example.com' }) });

		const log = sandbox.calls();

		expect(log.map(({ path, status, email }) => ({ path, status, email }))).toEqual([
			{ path: COU, status: 200, email: 'run7-1@example.com' },
			{ path: COU, status: 429, email: 'run7-2@example.com' },
		]);
		for (const record of log) expect(record.countedAt).toBeGreaterThanOrEqual(record.arrivedAt);
		expect(sandbox.stats()).toMatchObject({
			firstCountedAt: log[0].countedAt,
			lastCountedAt: log[0].countedAt,
		});
	});
});

describe('async API', () => {
	const asyncHeaders = { 'x-api-key': KEYS.apiKey };
	const waitForQueue = async () => await new Promise((resolve) => setTimeout(resolve, 120));

	it('queues a capture, reports In-Queue, then Success with the sync answer as a string', async () => {
		const submitted = await call(sandbox, 'POST', `/lead/capture?${asyncQuery}`, {
			headers: asyncHeaders,
			body: fields({ EmailAddress: 'q@b.co' }),
		});
		const requestId = submitted.body.RequestID;
		const queued = await call(sandbox, 'GET', `/lead/status?RequestID=${requestId}`, {
			headers: asyncHeaders,
		});
		await waitForQueue();
		const done = await call(sandbox, 'GET', `/lead/status?RequestID=${requestId}`, {
			headers: asyncHeaders,
		});

		expect(submitted.body.Status).toBe(
			'Request accepted. Please use below request id to check the status',
		);
		expect(queued.body).toMatchObject({
			RequestId: requestId,
			TaskStatus: { TaskType: 'Lead Capture', Status: 'In-Queue', Message: null },
		});
		expect(done.body.TaskStatus).toMatchObject({
			Status: 'Success',
			StatusReason: 'Request was successfully completed',
			TaskLastStep: 'In-Process-Queue',
		});
		expect(JSON.parse(done.body.TaskStatus.Message)).toMatchObject({
			Status: 'Success',
			Message: { IsCreated: true },
		});
		expect(JSON.parse(done.body.TaskStatus.RequestBody)).toEqual(
			fields({ EmailAddress: 'q@b.co' }),
		);
		expect(sandbox.leads()).toHaveLength(1);
	});

	it('ends an update of an unknown lead in FAILURE, spelled as the update status page shows', async () => {
		const submitted = await call(
			sandbox,
			'POST',
			`/lead/update?${asyncQuery}&leadId=00000000-0000-4000-8000-000000000000`,
			{
				headers: asyncHeaders,
				body: fields({ mx_City: 'Pune' }),
			},
		);
		await waitForQueue();
		const status = await call(
			sandbox,
			'GET',
			`/lead/update/status?RequestID=${submitted.body.RequestID}`,
			{ headers: asyncHeaders },
		);
		const wrongPath = await call(
			sandbox,
			'GET',
			`/lead/status?RequestID=${submitted.body.RequestID}`,
			{ headers: asyncHeaders },
		);

		expect(status.body).toMatchObject({
			RequestID: submitted.body.RequestID,
			TaskStatus: {
				TaskType: 'Lead Update',
				Status: 'FAILURE',
				StatusReason: 'Lead does not exist in the system',
				Message: null,
			},
		});
		expect(wrongPath.status).toBe(404);
	});

	it('counts status checks against a limit of their own, so polling never eats into the submit budget', async () => {
		sandbox.configure({ rateLimit: 1 });
		const submit = async () =>
			await call(sandbox, 'POST', `/lead/capture?${asyncQuery}`, {
				headers: asyncHeaders,
				body: fields({ EmailAddress: 'limit@b.co' }),
			});
		const status = async (requestId: string) =>
			await call(sandbox, 'GET', `/lead/status?RequestID=${requestId}`, { headers: asyncHeaders });

		const first = await submit();
		const second = await submit();
		const firstCheck = await status(first.body.RequestID);
		const secondCheck = await status(first.body.RequestID);

		expect([first.status, second.status, firstCheck.status, secondCheck.status]).toEqual([
			200, 429, 200, 429,
		]);
	});

	it('needs x-api-key for submitting and for status, and the access keys only for submitting', async () => {
		const noApiKey = await call(sandbox, 'POST', `/lead/capture?${asyncQuery}`, {
			headers: {},
			body: fields({ EmailAddress: 'a@b.co' }),
		});
		const noKeys = await call(sandbox, 'POST', '/lead/capture', {
			headers: asyncHeaders,
			body: fields({ EmailAddress: 'a@b.co' }),
		});
		const status = await call(
			sandbox,
			'GET',
			'/lead/status?RequestID=00000000-0000-4000-8000-000000000000',
			{ headers: asyncHeaders },
		);

		expect(noApiKey.status).toBe(401);
		expect(noKeys.status).toBe(401);
		expect(status.status).toBe(404);
	});
});

describe('faults', () => {
	it('injected throttling, errors and malformed answers change nothing', async () => {
		for (const fault of ['share429', 'share500', 'shareHtml500', 'shareMalformed'] as const) {
			sandbox.configure({
				faults: { share429: 0, share500: 0, shareHtml500: 0, shareMalformed: 0, [fault]: 1 },
			});
			const answer = await call(sandbox, 'POST', COU, {
				body: fields({ EmailAddress: `${fault}@b.co` }),
			});
			expect(answer.status === 200 ? answer.body : answer.status).not.toEqual(
				expect.objectContaining({ Status: 'Success' }),
			);
		}
		expect(sandbox.leads()).toEqual([]);
		expect(sandbox.stats().faults).toMatchObject({
			throttle: 1,
			error500: 1,
			html500: 1,
			malformed: 1,
		});
	});

	it('a reset drops the connection without processing; a lost response processes first', async () => {
		sandbox.configure({ faults: { shareReset: 1 } });
		await expect(
			call(sandbox, 'POST', COU, { body: fields({ EmailAddress: 'reset@b.co' }) }),
		).rejects.toThrow();
		sandbox.configure({ faults: { shareReset: 0, shareLostResponse: 1 } });
		await expect(
			call(sandbox, 'POST', COU, { body: fields({ EmailAddress: 'lost@b.co' }) }),
		).rejects.toThrow();

		expect(sandbox.leads().map((lead) => lead.EmailAddress)).toEqual(['lost@b.co']);
	});

	it('a slow call whose client gave up is never processed', async () => {
		sandbox.configure({ faults: { shareSlow: 1, slowMs: 200 } });

		await expect(
			fetch(`${sandbox.url}${COU}`, {
				method: 'POST',
				headers: V2_HEADERS,
				body: JSON.stringify(fields({ EmailAddress: 'slow@b.co' })),
				signal: AbortSignal.timeout(50),
			}),
		).rejects.toThrow();
		await new Promise((resolve) => setTimeout(resolve, 300));

		expect(sandbox.leads()).toEqual([]);
	});

	it('picks the same faults again for the same seed', async () => {
		const pattern = async () => {
			sandbox.configure({ faults: { share500: 0.5, seed: 7 } });
			sandbox.reset();
			const statuses: number[] = [];
			for (let n = 0; n < 12; n++)
				statuses.push(
					(await call(sandbox, 'GET', '/v2/Authentication.svc/UserByAccessKey.Get')).status,
				);
			return statuses;
		};
		const first = await pattern();

		expect(await pattern()).toEqual(first);
		expect(first).toContain(500);
		expect(first).toContain(200);
	});
});

it('persists leads to a JSON file and loads them again', async () => {
	await sandbox.close();
	// In the run's temp folder (test/globalSetup.js), removed when the run ends.
	const dataFile = join(
		mkdtempSync(join(process.env.LSQ_TEST_TEMP ?? tmpdir(), 'lsq-sandbox-')),
		'leads.json',
	);
	sandbox = await startSandbox({ port: 0, dataFile });
	const id = await createLead({ EmailAddress: 'keep@b.co' });
	await sandbox.close();

	sandbox = await startSandbox({ port: 0, dataFile });

	expect(JSON.parse(readFileSync(dataFile, 'utf8'))).toEqual([
		expect.objectContaining({ ProspectID: id }),
	]);
	expect(sandbox.leads()).toEqual([
		expect.objectContaining({ ProspectID: id, EmailAddress: 'keep@b.co' }),
	]);
});
