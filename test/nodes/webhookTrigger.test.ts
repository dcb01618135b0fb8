/**
 * LeadSquared Trigger: registration through Webhook.svc on activation, the existence check that
 * replaces webhooks LeadSquared disabled, deletion on deactivation, and the handling of calls
 * to the webhook URL (secret, batching, shapes), all through n8n-core's own contexts.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API_BASE, TEST_CREDENTIALS } from '../harness/engine';
import { useNock } from '../harness/http';
import { WebhookTriggerHarness } from '../harness/triggers';

useNock();

const V2_AUTH = {
	reqheaders: {
		'x-lsq-accesskey': TEST_CREDENTIALS.accessKey,
		'x-lsq-secretkey': TEST_CREDENTIALS.secretKey,
	},
};
const HEADER = 'X-N8N-LeadSquared-Secret';

interface CreateBody {
	URL: string;
	Method: string;
	ContentType: string;
	WebhookEvent: number;
	WebhookProperties: Record<string, unknown>;
	CustomHeaders: Array<{ Key: string; Value: string }>;
}

/** Expects one Webhook.svc/Create and answers it with `id`; returns what was sent. */
function expectCreate(id: string): { body?: CreateBody } {
	const seen: { body?: CreateBody } = {};
	nock(API_BASE, V2_AUTH)
		.post('/v2/Webhook.svc/Create', (body: CreateBody) => {
			seen.body = body;
			return true;
		})
		.reply(200, { Status: 'Success', Message: { Id: id } });
	return seen;
}

async function activeTrigger(parameters: IDataObject = { event: 'leadCreated' }) {
	const trigger = new WebhookTriggerHarness(parameters);
	const sent = expectCreate('wh-1');
	await trigger.activate();
	const secret = sent.body!.CustomHeaders[0].Value;
	return { trigger, secret };
}

describe('activation', () => {
	it('registers a POST JSON webhook for the event at the node URL, with a random secret header', async () => {
		const trigger = new WebhookTriggerHarness({ event: 'leadCreated' });
		const sent = expectCreate('wh-1');

		const { existed } = await trigger.activate();

		expect(existed).toBe(false);
		expect(sent.body).toMatchObject({
			URL: trigger.webhookUrl,
			Method: 'POST',
			ContentType: 'application/json',
			WebhookEvent: 3,
		});
		expect(trigger.webhookUrl).toMatch(/^https:\/\/n8n\.test\/webhook\/.+\/webhook$/);
		const [header] = sent.body!.CustomHeaders;
		expect(header.Key).toBe(HEADER);
		expect(header.Value).toMatch(/^[A-Za-z0-9]{40}$/);
		expect(trigger.staticData).toMatchObject({ webhookId: 'wh-1', secret: header.Value });
	});

	it('sends a different secret for each registration', async () => {
		const first = await activeTrigger();
		const second = await activeTrigger();
		expect(first.secret).not.toBe(second.secret);
	});

	it.each([
		['activityCreated', { activityType: 201 }, 2, { ActivityEvent: 201 }],
		['activityUpdated', { activityType: 0 }, 15, {}],
		['leadFieldUpdated', { fieldName: 'mx_City' }, 26, { FieldSchemaName: 'mx_City' }],
		['leadStageChanged', {}, 5, {}],
		['leadOwnerChanged', {}, 4, {}],
		['leadUpdated', {}, 6, {}],
		['taskCreated', {}, 7, {}],
		['taskCompleted', {}, 16, {}],
		['opportunityCreated', {}, 31, {}],
		['opportunityUpdated', {}, 32, {}],
		['opportunityStageChanged', {}, 34, {}],
	])(
		'registers %s with its LeadSquared event code and narrowing',
		async (event, extra, code, properties) => {
			const trigger = new WebhookTriggerHarness({ event, ...extra });
			const sent = expectCreate('wh-1');
			await trigger.activate();
			expect(sent.body).toMatchObject({ WebhookEvent: code, WebhookProperties: properties });
		},
	);

	it('refuses Lead Field Updated without a field before sending anything', async () => {
		const trigger = new WebhookTriggerHarness({ event: 'leadFieldUpdated', fieldName: '' });
		await expect(trigger.activate()).rejects.toThrow('Lead Field Name or ID: is empty');
	});

	it.each([[-4], ['Webinar'], [2.5]])(
		'refuses activity type %p before sending anything',
		async (activityType) => {
			const trigger = new WebhookTriggerHarness({ event: 'activityCreated', activityType });
			await expect(trigger.activate()).rejects.toThrow(
				`Activity Type Name or ID: ${JSON.stringify(activityType)} is not an activity type's code`,
			);
		},
	);

	it('takes the activity type as the dropdown gives it (text) and registers for every type when it is empty', async () => {
		const fromDropdown = new WebhookTriggerHarness({
			event: 'activityCreated',
			activityType: '202',
		});
		const everyType = new WebhookTriggerHarness({ event: 'activityCreated', activityType: '' });
		const first = expectCreate('wh-1');
		await fromDropdown.activate();
		const second = expectCreate('wh-2');
		await everyType.activate();
		expect(first.body).toMatchObject({
			WebhookEvent: 2,
			WebhookProperties: { ActivityEvent: 202 },
		});
		expect(second.body).toMatchObject({ WebhookEvent: 2, WebhookProperties: {} });
	});

	it('explains plan limits and admin keys when LeadSquared refuses to create the webhook', async () => {
		nock(API_BASE, V2_AUTH).post('/v2/Webhook.svc/Create').reply(400, {
			Status: 'Error',
			ExceptionType: 'MXWebhookLimitExceededException',
			ExceptionMessage: 'Maximum number of webhooks (3) reached for your plan',
		});
		const trigger = new WebhookTriggerHarness({ event: 'leadCreated' });

		const error = await trigger
			.activate()
			.catch((caught: Error & { description?: string }) => caught);

		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toBe(
			"LeadSquared refused to create the webhook: Maximum number of webhooks (3) reached for your plan (webhooks need an administrator's keys; plans allow 3 on Pro, 30 on Super)",
		);
		expect((error as { description?: string }).description).toContain('3 on Pro, 30 on Super');
		expect((error as { description?: string }).description).toContain(
			'LeadSquared Polling Trigger',
		);
		expect(JSON.stringify(error)).not.toContain(TEST_CREDENTIALS.secretKey);
		expect(trigger.staticData.webhookId).toBeUndefined();
	});
});

it('keeps the keys out of the error even when LeadSquared echoes them while refusing a webhook', async () => {
	nock(API_BASE, V2_AUTH)
		.post('/v2/Webhook.svc/Create')
		.reply(400, {
			Status: 'Error',
			ExceptionType: 'MXUnAuthorizedAccessException',
			ExceptionMessage: `User with accessKey=${TEST_CREDENTIALS.accessKey} secretKey=${TEST_CREDENTIALS.secretKey} is not an administrator`,
		});
	const trigger = new WebhookTriggerHarness({ event: 'leadCreated' });

	const error = await trigger.activate().catch((caught: Error) => caught);

	expect(String((error as Error).message)).toContain('is not an administrator');
	const everything = JSON.stringify({
		error,
		message: (error as Error).message,
		description: (error as { description?: string }).description,
	});
	expect(everything).not.toContain(TEST_CREDENTIALS.accessKey);
	expect(everything).not.toContain(TEST_CREDENTIALS.secretKey);
});

describe('existence check', () => {
	const retrieve = (webhooks: object[]) =>
		nock(API_BASE, V2_AUTH)
			.post('/v2/Webhook.svc/Retrieve', {
				Parameter: { WebhookId: 'wh-1' },
				Paging: { PageIndex: 1, PageSize: 100 },
			})
			.reply(200, { RecordCount: webhooks.length, Response: webhooks });

	it('keeps an enabled webhook for the same URL', async () => {
		const { trigger, secret } = await activeTrigger();
		retrieve([{ WebhookId: 'wh-1', URL: trigger.webhookUrl, WebhookEvent: 3, StatusCode: 0 }]);

		expect(await trigger.activate()).toEqual({ existed: true });
		expect(trigger.staticData.secret).toBe(secret);
	});

	it('replaces a webhook LeadSquared disabled after failed deliveries (status 2): deletes it and registers a new secret', async () => {
		const { trigger, secret } = await activeTrigger();
		retrieve([{ WebhookId: 'wh-1', URL: trigger.webhookUrl, WebhookEvent: 3, StatusCode: 2 }]);
		nock(API_BASE, V2_AUTH)
			.get('/v2/Webhook.svc/Delete')
			.query({ webhookId: 'wh-1' })
			.reply(200, { Status: 'Success' });
		const sent = expectCreate('wh-2');

		expect(await trigger.activate()).toEqual({ existed: false });
		expect(trigger.staticData.webhookId).toBe('wh-2');
		expect(sent.body!.CustomHeaders[0].Value).not.toBe(secret);
		expect(trigger.staticData.secret).toBe(sent.body!.CustomHeaders[0].Value);
	});

	it("registers again when the webhook was deleted in LeadSquared, trying the old ID's delete first", async () => {
		const { trigger } = await activeTrigger();
		retrieve([
			{ WebhookId: 'someone-elses', URL: 'https://elsewhere.test', WebhookEvent: 3, StatusCode: 0 },
		]);
		nock(API_BASE, V2_AUTH).get('/v2/Webhook.svc/Delete').query({ webhookId: 'wh-1' }).reply(500, {
			Status: 'Error',
			ExceptionType: 'MXInvalidEntityException',
			ExceptionMessage: 'Webhook does not exist',
		});
		retrieve([]);
		expectCreate('wh-3');

		expect(await trigger.activate()).toEqual({ existed: false });
		expect(trigger.staticData.webhookId).toBe('wh-3');
	});

	it('registers anew, without asking LeadSquared, when the event was changed since', async () => {
		const { trigger } = await activeTrigger();
		trigger.node.parameters.event = 'leadUpdated';
		nock(API_BASE, V2_AUTH)
			.get('/v2/Webhook.svc/Delete')
			.query({ webhookId: 'wh-1' })
			.reply(200, { Status: 'Success' });
		const sent = expectCreate('wh-4');

		expect(await trigger.activate()).toEqual({ existed: false });
		expect(sent.body!.WebhookEvent).toBe(6);
	});
});

describe('deactivation', () => {
	it('deletes the webhook in LeadSquared and forgets the secret', async () => {
		const { trigger } = await activeTrigger();
		nock(API_BASE, V2_AUTH)
			.get('/v2/Webhook.svc/Delete')
			.query({ webhookId: 'wh-1' })
			.reply(200, { Status: 'Success' });

		expect(await trigger.deactivate()).toBe(true);
		expect(trigger.staticData).toEqual({});
	});

	it('counts a webhook someone already deleted in LeadSquared as deleted', async () => {
		const { trigger } = await activeTrigger();
		nock(API_BASE, V2_AUTH).get('/v2/Webhook.svc/Delete').query({ webhookId: 'wh-1' }).reply(500, {
			Status: 'Error',
			ExceptionType: 'MXInvalidEntityException',
			ExceptionMessage: 'Webhook does not exist',
		});
		nock(API_BASE, V2_AUTH)
			.post('/v2/Webhook.svc/Retrieve')
			.reply(200, { RecordCount: 0, Response: [] });

		expect(await trigger.deactivate()).toBe(true);
		expect(trigger.staticData).toEqual({});
	});

	it('fails, keeping what it knows, when LeadSquared refuses to delete a webhook that is still there', async () => {
		const { trigger } = await activeTrigger();
		nock(API_BASE, V2_AUTH).get('/v2/Webhook.svc/Delete').query({ webhookId: 'wh-1' }).reply(400, {
			Status: 'Error',
			ExceptionType: 'MXUnauthorizedRequestException',
			ExceptionMessage: 'You are not allowed to delete webhooks',
		});
		nock(API_BASE, V2_AUTH)
			.post('/v2/Webhook.svc/Retrieve')
			.reply(200, {
				RecordCount: 1,
				Response: [{ WebhookId: 'wh-1', URL: trigger.webhookUrl, WebhookEvent: 3, StatusCode: 0 }],
			});

		await expect(trigger.deactivate()).rejects.toThrow('You are not allowed to delete webhooks');
		expect(trigger.staticData.webhookId).toBe('wh-1');
	});
});

describe('deliveries', () => {
	const lead = {
		ProspectID: 'ce7d56da-7864-495e-9c09-3da7e034aac4',
		FirstName: 'Asha',
		EmailAddress: 'asha@example.com',
		ProspectStage: 'Prospect',
		CreatedOn: '2024-05-01 10:00:00.000',
	};

	it.each([
		['no secret header', {}],
		['a wrong secret', { [HEADER]: 'x'.repeat(40) }],
		['a secret of another length', { [HEADER]: 'short' }],
	])('answers a call with %s with 401 and starts nothing', async (_case, headers) => {
		const { trigger } = await activeTrigger();

		const { result, sent } = await trigger.deliver({ headers, body: lead });

		expect(sent).toEqual({ status: 401, body: { Status: 'Error', Message: 'Unauthorized' } });
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('answers 401 when the trigger holds no secret (never activated)', async () => {
		const trigger = new WebhookTriggerHarness({ event: 'leadCreated' });
		const { result, sent } = await trigger.deliver({ headers: { [HEADER]: '' }, body: lead });
		expect(sent?.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('turns an authentic lead delivery into one flat item with ISO dates and answers Success', async () => {
		const { trigger, secret } = await activeTrigger();

		const { result, sent } = await trigger.deliver({ headers: { [HEADER]: secret }, body: lead });

		expect(sent).toBeUndefined();
		expect(result.webhookResponse).toEqual({ Status: 'Success' });
		expect(result.workflowData).toEqual([
			[{ json: { ...lead, CreatedOn: '2024-05-01T10:00:00.000Z' } }],
		]);
	});

	it('keeps LeadSquared date formats when asked', async () => {
		const { trigger, secret } = await activeTrigger({
			event: 'leadCreated',
			options: { rawValues: true },
		});
		const { result } = await trigger.deliver({ headers: { [HEADER]: secret }, body: lead });
		expect(result.workflowData?.[0][0].json.CreatedOn).toBe('2024-05-01 10:00:00.000');
	});

	it("flattens a LeadPropertyList payload like the node's Get", async () => {
		const { trigger, secret } = await activeTrigger();
		const body = {
			LeadPropertyList: [
				{ Attribute: 'ProspectID', Value: lead.ProspectID },
				{ Attribute: 'mx_City', Value: 'Pune' },
			],
		};
		const { result } = await trigger.deliver({ headers: { [HEADER]: secret }, body });
		expect(result.workflowData).toEqual([
			[{ json: { ProspectID: lead.ProspectID, mx_City: 'Pune' } }],
		]);
	});

	it('splits a batch of activities into one item each, in order, flat like Activity: Get Many, dropping other activity types', async () => {
		const { trigger, secret } = await activeTrigger({
			event: 'activityCreated',
			activityType: 201,
		});
		// As LeadSquared's activity Retrieve shows an activity: ActivityType is a category, not the type.
		const activity = (id: string, code: number) => ({
			Id: id,
			EventCode: code,
			ActivityType: 2,
			RelatedProspectId: lead.ProspectID,
			CreatedOn: '/Date(1714557600000+0000)/',
			Data: [
				{ Key: 'ActivityEvent_Note', Value: `note ${id}` },
				{ Key: 'mx_Custom_1', Value: 'Intro' },
			],
		});
		const body = [activity('a1', 201), activity('a2', 202), activity('a3', 201)];

		const { result } = await trigger.deliver({ headers: { [HEADER]: secret }, body });

		expect(result.webhookResponse).toEqual({ Status: 'Success' });
		const flat = (id: string) => ({
			Id: id,
			EventCode: 201,
			ActivityType: 2,
			RelatedProspectId: lead.ProspectID,
			CreatedOn: '2024-05-01T10:00:00.000Z',
			ActivityEvent_Note: `note ${id}`,
			mx_Custom_1: 'Intro',
		});
		expect(result.workflowData?.[0].map((item) => item.json)).toEqual([flat('a1'), flat('a3')]);
	});

	it('reads the activity type from ActivityEvent too, and a JSON body that arrived as text', async () => {
		const { trigger, secret } = await activeTrigger({
			event: 'activityUpdated',
			activityType: 201,
		});
		const body = JSON.stringify([
			{ Id: 'a1', ActivityEvent: 201 },
			{ Id: 'a2', ActivityEvent: '202' },
			{ Id: 'a3', ActivityEvent: '201' },
		]);
		const { result } = await trigger.deliver({ headers: { [HEADER]: secret }, body });
		expect(result.workflowData?.[0].map((item) => item.json.Id)).toEqual(['a1', 'a3']);
	});

	it('answers Success without starting the workflow when an authentic delivery holds no event', async () => {
		const { trigger, secret } = await activeTrigger({
			event: 'activityCreated',
			activityType: 201,
		});
		for (const body of [{}, [], '', [{ ActivityEvent: 999 }]]) {
			const { result, sent } = await trigger.deliver({ headers: { [HEADER]: secret }, body });
			expect(sent).toBeUndefined();
			expect(result).toEqual({ webhookResponse: { Status: 'Success' } });
		}
	});

	it("answers LeadSquared's HEAD check without a secret and starts nothing", async () => {
		const { trigger } = await activeTrigger();
		const { result, sent } = await trigger.deliver({ webhookName: 'setup' });
		expect(sent).toBeUndefined();
		expect(result).toEqual({ webhookResponse: { Status: 'Success' } });
	});
});
