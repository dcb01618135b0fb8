/**
 * How LeadSquared's failures reach the user: its own message instead of "Request failed with
 * status code 500", retries only where they cannot duplicate a lead, and Continue On Fail
 * giving exactly one output item per input item.
 */
import nock from 'nock';

import { API_BASE } from '../harness/engine';
import { runFixture } from '../harness/fixtures';
import { useNock } from '../harness/http';

useNock();

const UPDATE_PATH = '/v2/LeadManagement.svc/Lead.Update';
const LEAD_IDS = [
	'11111111-1111-4111-8111-111111111111',
	'22222222-2222-4222-8222-222222222222',
	'33333333-3333-4333-8333-333333333333',
];
const updateInput = (id: string) => ({ id, city: 'Pune', budget: 10 });

describe('LeadSquared errors', () => {
	it('shows the MX exception message of a 500 and does not resend the write', async () => {
		nock(API_BASE).post(UPDATE_PATH).query(true).once().reply(500, {
			Status: 'Error',
			ExceptionType: 'MXInvalidEntityException',
			ExceptionMessage: 'Lead does not exist in the system',
		});

		const { error } = await runFixture('update', { input: [updateInput(LEAD_IDS[0])] });

		expect(error?.message).toBe('Lead does not exist in the system');
		expect(error?.description).toContain('MXInvalidEntityException, HTTP 500');
		expect(error?.description).toContain('deleted or merged');
		expect((error as unknown as { httpCode: string }).httpCode).toBe('500');
	});

	it('treats a 200 with Status "Error" as a failure', async () => {
		nock(API_BASE).post(UPDATE_PATH).query(true).reply(200, {
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: 'Attribute(s) does not exist - mx_Cty',
		});

		const { error } = await runFixture('update', { input: [updateInput(LEAD_IDS[0])] });

		expect(error?.message).toBe('Attribute(s) does not exist - mx_Cty');
		expect(error?.description).toContain('one field name is unknown');
	});

	it('on 401 tells the user which region the keys belong to', async () => {
		nock(API_BASE)
			.post(UPDATE_PATH)
			.query(true)
			.reply(401, { Status: 'Error', ExceptionMessage: 'Invalid key' });
		nock(API_BASE)
			.get('/v2/Authentication.svc/UserByAccessKey.Get')
			.reply(200, {
				Id: 'u1',
				LSQCommonServiceURLs: { api: 'api-in21.leadsquared.com', app: 'in21.leadsquared.com' },
			});

		const { error } = await runFixture('update', { input: [updateInput(LEAD_IDS[0])] });

		expect(error?.message).toBe('LeadSquared rejected the credentials (401 Unauthorized)');
		expect(error?.description).toContain('belong to an account on api-in21.leadsquared.com');
		expect(error?.description).toContain('India (Mumbai) (api-in21.leadsquared.com)');
	});

	it('on 401 with keys that are wrong everywhere says to check the keys', async () => {
		nock(API_BASE).post(UPDATE_PATH).query(true).reply(401, {});
		nock(API_BASE).get('/v2/Authentication.svc/UserByAccessKey.Get').reply(401, {});

		const { error } = await runFixture('update', { input: [updateInput(LEAD_IDS[0])] });

		expect(error?.description).toContain('Check the access key and secret key');
	});

	it('waits out a 429, learns the limit from the message and sends the write again', async () => {
		nock(API_BASE).post(UPDATE_PATH).query(true).reply(429, {
			Status: 'Error',
			ExceptionMessage: 'API calls exceeded the limit of 5 in 0.2 second(s)',
		});
		nock(API_BASE)
			.post(UPDATE_PATH)
			.query(true)
			.reply(200, { Status: 'Success', Message: { AffectedRows: 1 } });

		const started = Date.now();
		const { output, error } = await runFixture('update', { input: [updateInput(LEAD_IDS[0])] });

		expect(error).toBeUndefined();
		expect(output[0][0].json.affectedRows).toBe(1);
		expect(Date.now() - started).toBeGreaterThanOrEqual(200);
	});

	it('treats a 403 carrying the limit message as throttling too', async () => {
		nock(API_BASE).post(UPDATE_PATH).query(true).reply(403, {
			Status: 'Error',
			ExceptionMessage: 'API calls exceeded the limit of 10 in 0.1 second(s)',
		});
		nock(API_BASE)
			.post(UPDATE_PATH)
			.query(true)
			.reply(200, { Status: 'Success', Message: { AffectedRows: 1 } });

		const { error } = await runFixture('update', { input: [updateInput(LEAD_IDS[0])] });

		expect(error).toBeUndefined();
	});

	it("gives up on throttling after the credential's max retry time with a clear message", async () => {
		nock(API_BASE).post(UPDATE_PATH).query(true).times(2).reply(429, {
			Status: 'Error',
			ExceptionMessage: 'API calls exceeded the limit of 5 in 0.2 second(s)',
		});

		const { error } = await runFixture('update', {
			input: [updateInput(LEAD_IDS[0])],
			credentials: { maxRetrySeconds: 0.4 },
		});

		expect(error?.message).toMatch(
			/^LeadSquared's rate limit was still exceeded after 2 attempts over \d+\.\d s: API calls exceeded the limit of 5/,
		);
		expect(error?.description).toContain('was not processed');
	});

	it('stops at once on a spent daily cap, says when it resets, and sends nothing more to the account until then', async () => {
		nock(API_BASE).post(UPDATE_PATH).query(true).once().reply(429, {
			Status: 'Error',
			ExceptionMessage: 'API calls exceeded the daily limit of 10000',
		});
		const nextMidnight = new Date((Math.floor(Date.now() / 86_400_000) + 1) * 86_400_000)
			.toISOString()
			.replace('.000Z', 'Z');

		const first = await runFixture('update', { input: [updateInput(LEAD_IDS[0])] });
		const second = await runFixture('update', { input: [updateInput(LEAD_IDS[1])] });

		expect(first.error?.message).toBe(
			"LeadSquared's daily API limit for this account is used up: API calls exceeded the daily limit of 10000",
		);
		expect(first.error?.description).toContain('was not retried');
		expect(first.error?.description).toContain(`expected at ${nextMidnight} (inferred:`);
		// The second run's call never left: nock would have recorded it as unmatched.
		expect(second.error?.message).toBe(first.error?.message);
	});

	it("takes the daily cap's reset time from Retry-After when LeadSquared sends one", async () => {
		nock(API_BASE)
			.post(UPDATE_PATH)
			.query(true)
			.reply(
				403,
				{ Status: 'Error', ExceptionMessage: 'API calls exceeded the limit of 10000 per day' },
				{ 'Retry-After': '7200' },
			);

		const { error } = await runFixture('update', { input: [updateInput(LEAD_IDS[0])] });

		expect(error?.description).toContain("(from LeadSquared's Retry-After)");
	});

	it('does not resend a write after a 500 without an MX exception (it may have been applied)', async () => {
		nock(API_BASE)
			.post(UPDATE_PATH)
			.query(true)
			.once()
			.reply(500, '<html><body>Internal Server Error</body></html>');

		const { error } = await runFixture('update', { input: [updateInput(LEAD_IDS[0])] });

		expect(error?.message).toBe('LeadSquared had an internal error (HTTP 500)');
		expect(error?.description).toContain('may or may not have been applied');
	});

	it('retries a status check after a 500 without an MX exception', async () => {
		nock('https://asyncapi-test.leadsquared.test')
			.get('/lead/update/status')
			.query(true)
			.reply(502, 'Bad gateway');
		nock('https://asyncapi-test.leadsquared.test')
			.get('/lead/update/status')
			.query(true)
			.reply(200, { RequestID: 'r', TaskStatus: { Status: 'In-Queue' } });

		const { output, error } = await runFixture('get-request-status', {
			input: [{ requestId: '7ba60ab0-7054-4856-8590-1b5a9f904ad1', requestType: 'update' }],
		});

		expect(error).toBeUndefined();
		expect(output[0][0].json.state).toBe('queued');
	});
});

describe('Continue On Fail', () => {
	it('returns one item per input, in order, with the failure linked to its input', async () => {
		nock(API_BASE)
			.post(UPDATE_PATH)
			.query((query) => query.leadId === LEAD_IDS[0] || query.leadId === LEAD_IDS[2])
			.times(2)
			.reply(200, { Status: 'Success', Message: { AffectedRows: 1 } });
		nock(API_BASE)
			.post(UPDATE_PATH)
			.query((query) => query.leadId === LEAD_IDS[1])
			.reply(500, {
				Status: 'Error',
				ExceptionType: 'MXInvalidEntityException',
				ExceptionMessage: 'Lead does not exist in the system',
			});

		const { output, error } = await runFixture('update', {
			input: LEAD_IDS.map(updateInput),
			onError: 'continueRegularOutput',
		});

		expect(error).toBeUndefined();
		expect(output[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(output[0][0].json.leadId).toBe(LEAD_IDS[0]);
		expect(output[0][1].json).toEqual({
			error: 'Lead does not exist in the system',
			details: expect.objectContaining({ itemIndex: 1, httpCode: '500' }),
		});
		expect(output[0][2].json.leadId).toBe(LEAD_IDS[2]);
	});

	it('gives invalid items an error without sending them, and still sends the valid ones', async () => {
		nock(API_BASE)
			.post(UPDATE_PATH)
			.query({ leadId: LEAD_IDS[0], postUpdatedLead: 'false' })
			.reply(200, { Status: 'Success', Message: { AffectedRows: 1 } });

		const { output } = await runFixture('update', {
			input: [updateInput(LEAD_IDS[0]), updateInput('not-a-lead-id')],
			onError: 'continueRegularOutput',
		});

		expect(output[0]).toHaveLength(2);
		expect(output[0][1]).toEqual({
			json: {
				error: 'Lead ID (item 1): "not-a-lead-id" is not a valid lead ID',
				details: expect.objectContaining({ itemIndex: 1 }),
			},
			pairedItem: { item: 1 },
		});
	});

	it('sends failures to the error output with "Continue (using error output)"', async () => {
		nock(API_BASE)
			.post(UPDATE_PATH)
			.query(true)
			.reply(200, { Status: 'Success', Message: { AffectedRows: 1 } });

		const { output } = await runFixture('update', {
			input: [updateInput(LEAD_IDS[0]), updateInput('')],
			onError: 'continueErrorOutput',
		});

		expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(output[1]).toHaveLength(1);
		expect(output[1][0].json.error).toBe('Lead ID (item 1): is empty');
		expect(output[1][0].pairedItem).toEqual({ item: 1 });
	});

	it('without Continue On Fail, an invalid item stops the run before anything is sent', async () => {
		const { error } = await runFixture('update', {
			input: [updateInput(LEAD_IDS[0]), updateInput('nope')],
		});

		expect(error?.message).toBe('Lead ID (item 1): "nope" is not a valid lead ID');
	});
});
