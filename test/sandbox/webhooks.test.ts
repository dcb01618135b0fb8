/**
 * Webhooks a trigger node can register: LeadSquared's Create/Retrieve/Update/Delete calls, and
 * real deliveries to a loopback receiver with custom headers, batched activities, retries, and
 * the webhook disabled after failing deliveries.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';

import { startSandbox, type Sandbox } from '../../sandbox/src/server';
import { admin, call, fields } from './client';

interface Received {
	method: string;
	headers: IncomingHttpHeaders;
	body: string;
}

let sandbox: Sandbox;
let receiver: Server;
let hookUrl: string;
let received: Received[];
let answerStatus: number;

beforeEach(async () => {
	sandbox = await startSandbox({ port: 0, rateLimit: 0 });
	await admin(sandbox, 'POST', 'config', { webhookBatchMs: 100, webhookRetryDelayMs: 10 });
	received = [];
	answerStatus = 200;
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({
				method: req.method ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			});
			res.writeHead(answerStatus, { 'Content-Type': 'application/json' });
			res.end('{"Status":"Success","StatusReason":""}');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterEach(async () => {
	await sandbox.close();
	receiver.closeAllConnections();
	await new Promise((resolve) => receiver.close(resolve));
});

const WH = '/v2/Webhook.svc';
const LM = '/v2/LeadManagement.svc';
const posts = () => received.filter((request) => request.method === 'POST');
const bodies = () => posts().map((request) => JSON.parse(request.body));

async function until(check: () => boolean, ms = 3000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

async function register(
	WebhookEvent: number,
	extra: Record<string, unknown> = {},
): Promise<string> {
	const answer = await call(sandbox, 'POST', `${WH}/Create`, {
		body: {
			Description: `event ${WebhookEvent}`,
			URL: hookUrl,
			Method: 'POST',
			ContentType: 'application/json',
			WebhookEvent: String(WebhookEvent),
			IsSpecificLandingPage: false,
			NotifyOnFailure: true,
			WebhookProperties: null,
			CustomHeaders: [{ Key: 'x-hook-secret', Value: 's3cret' }],
			...extra,
		},
	});
	expect(answer.body).toEqual({
		Status: 'Success',
		Message: { Id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
	});
	return answer.body.Message.Id;
}

const createLead = async (values: Record<string, string>) =>
	(await call(sandbox, 'POST', `${LM}/Lead.Create`, { body: fields(values) })).body.Message.Id;

describe('registering', () => {
	it('creates a webhook, shakes hands with HEAD, and lists it by event name or status', async () => {
		const id = await register(3);
		await until(() => received.length === 1);

		const byName = await call(sandbox, 'POST', `${WH}/Retrieve`, {
			body: {
				Parameter: { Type: 'Webhook', WebhookEvent: 'Lead_Post_Create', StatusCode: 0 },
				Paging: { PageIndex: 1, PageSize: 25 },
			},
		});
		const disabled = await call(sandbox, 'POST', `${WH}/Retrieve`, {
			body: { Parameter: { StatusCode: 2 } },
		});

		expect(received[0]).toMatchObject({
			method: 'HEAD',
			headers: expect.objectContaining({ 'x-hook-secret': 's3cret' }),
		});
		expect(byName.body).toEqual({
			RecordCount: 1,
			Response: [
				expect.objectContaining({
					WebhookId: id,
					EventName: 'Lead Creation',
					EventCode: 'Lead_Post_Create',
					WebhookEvent: 3,
					URL: hookUrl,
					StatusCode: 0,
					CustomHeaders: [{ Key: 'x-hook-secret', Value: 's3cret' }],
				}),
			],
		});
		expect(disabled.body).toEqual({ RecordCount: 0, Response: [] });
	});

	it("refuses a webhook beyond the plan's limit, and takes one again once another is deleted", async () => {
		await admin(sandbox, 'POST', 'config', { webhookLimit: 2 });
		const first = await register(3);
		await register(6);

		const third = await call(sandbox, 'POST', `${WH}/Create`, {
			body: { URL: hookUrl, WebhookEvent: '5' },
		});
		await call(sandbox, 'GET', `${WH}/Delete?webhookId=${first}`);

		expect(third.status).toBe(500);
		expect(third.body).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: 'You have reached the maximum number of webhooks (2) allowed for your plan',
		});
		await register(5);
	});

	it('refuses URLs that are not loopback, unknown events and other methods', async () => {
		const outside = await call(sandbox, 'POST', `${WH}/Create`, {
			body: { URL: 'https://hooks.example.com/x', WebhookEvent: '3' },
		});
		const event = await call(sandbox, 'POST', `${WH}/Create`, {
			body: { URL: hookUrl, WebhookEvent: '99' },
		});
		const method = await call(sandbox, 'POST', `${WH}/Create`, {
			body: { URL: hookUrl, WebhookEvent: '3', Method: 'GET' },
		});

		expect(outside.status).toBe(500);
		expect(outside.body).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage:
				"The sandbox delivers webhooks to loopback URLs only (127.0.0.1, localhost, [::1]), not 'hooks.example.com'",
		});
		expect(event.body.ExceptionMessage).toBe('Invalid WebhookEvent 99');
		expect(method.body.ExceptionMessage).toBe('Method must be POST');
		expect(await admin(sandbox, 'GET', 'webhooks')).toEqual([]);
	});

	it('updates and deletes by WebhookId; unknown ids are MX errors', async () => {
		const id = await register(3);
		const updated = await call(sandbox, 'POST', `${WH}/Update`, {
			body: { WebhookId: id, Description: 'renamed', WebhookEvent: '6' },
		});
		const deleted = await call(sandbox, 'GET', `${WH}/Delete?webhookId=${id}`);
		const again = await call(sandbox, 'GET', `${WH}/Delete?webhookId=${id}`);

		expect(updated.body).toEqual({ Status: 'Success', Message: { AffectedRows: 1 } });
		expect(deleted.body).toEqual({ Status: 'Success', Message: { AffectedRows: 1 } });
		expect(again.body).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidEntityException',
			ExceptionMessage: 'Webhook does not exist',
		});
	});
});

describe('delivering', () => {
	it('posts a created lead as a flat object, with the custom headers and content type', async () => {
		await register(3);

		const id = await createLead({ EmailAddress: 'hook@b.co', FirstName: 'Hook' });
		await until(() => posts().length === 1);

		expect(posts()[0].headers).toMatchObject({
			'x-hook-secret': 's3cret',
			'content-type': 'application/json',
		});
		expect(bodies()[0]).toMatchObject({
			ProspectID: id,
			EmailAddress: 'hook@b.co',
			FirstName: 'Hook',
			ModifiedOn: expect.any(String),
		});
	});

	it('tells lead update, field update, stage change and owner change apart', async () => {
		const id = await createLead({ EmailAddress: 'stage@b.co' });
		for (const code of [4, 5, 6, 26])
			await register(code, {
				Description: String(code),
				CustomHeaders: [{ Key: 'x-event', Value: String(code) }],
			});
		const update = async (values: Record<string, string>) =>
			await call(sandbox, 'POST', `${LM}/Lead.Update?leadId=${id}`, { body: fields(values) });

		await update({ ProspectStage: 'Customer' });
		await until(() => posts().length === 3);
		await update({ OwnerIdEmailAddress: 'priya.sharma@sandbox.example' });
		await until(() => posts().length === 6);
		await update({ OwnerIdEmailAddress: 'priya.sharma@sandbox.example' });
		await until(() => posts().length === 7);

		const events = posts().map((request) => request.headers['x-event']);
		expect(events.slice(0, 3).sort()).toEqual(['26', '5', '6']);
		expect(events.slice(3, 6).sort()).toEqual(['26', '4', '6']);
		expect(events[6]).toBe('6');
		expect(bodies()[0]).toMatchObject({ ProspectID: id, ProspectStage: 'Customer' });
	});

	it('batches activities created within the window into one array', async () => {
		const id = await createLead({ EmailAddress: 'act@b.co' });
		await register(2);
		const post = async (name: string) =>
			await call(sandbox, 'POST', '/v2/ProspectActivity.svc/Create', {
				body: {
					RelatedProspectId: id,
					ActivityEvent: 201,
					Fields: [{ SchemaName: 'mx_Custom_1', Value: name }],
				},
			});

		await Promise.all([post('a'), post('b'), post('c')]);
		await until(() => posts().length === 1);
		await new Promise((resolve) => setTimeout(resolve, 150));

		expect(posts()).toHaveLength(1);
		expect(bodies()[0]).toHaveLength(3);
		expect(bodies()[0][0]).toMatchObject({
			EventCode: 201,
			EventName: 'Webinar attended',
			RelatedProspectId: id,
			Id: expect.any(String),
		});
	});

	it('posts tasks and opportunities as they are created', async () => {
		const id = await createLead({ EmailAddress: 'opp@b.co' });
		await register(7);
		await register(31);

		await call(sandbox, 'POST', '/v2/Task.svc/Create', {
			body: {
				Name: 'Call',
				RelatedEntity: 1,
				RelatedEntityId: id,
				TaskType: { Name: 'Phone Call' },
			},
		});
		await call(sandbox, 'POST', '/v2/OpportunityManagement.svc/Capture', {
			body: {
				LeadDetails: [{ Attribute: 'EmailAddress', Value: 'opp@b.co' }],
				Opportunity: {
					OpportunityEventCode: 12000,
					Fields: [{ SchemaName: 'mx_Custom_1', Value: 'MBA' }],
				},
			},
		});
		await until(() => posts().length === 2);

		expect(bodies()).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					TaskID: expect.any(String),
					Name: 'Call',
					RelatedEntityId: id,
					TaskType: 'Phone Call',
				}),
				expect.objectContaining({
					OpportunityId: expect.any(String),
					RelatedProspectId: id,
					OpportunityEvent: '12000',
					mx_Custom_1: 'MBA',
				}),
			]),
		);
	});

	it('encodes form posts as fields', async () => {
		await register(3, { ContentType: 'application/x-www-form-urlencoded' });

		await createLead({ EmailAddress: 'form@b.co', FirstName: 'Fo Rm' });
		await until(() => posts().length === 1);

		expect(posts()[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(new URLSearchParams(posts()[0].body).get('FirstName')).toBe('Fo Rm');
	});

	it('retries a failing delivery, disables the webhook after repeated failures, and can be enabled again', async () => {
		await admin(sandbox, 'POST', 'config', { webhookAttempts: 2, webhookDisableAfter: 2 });
		const id = await register(3);
		answerStatus = 500;

		const retrieve = async () =>
			(await call(sandbox, 'POST', `${WH}/Retrieve`, { body: { Parameter: { WebhookId: id } } }))
				.body.Response[0];

		await createLead({ EmailAddress: 'f1@b.co' });
		await until(() => posts().length === 2);
		await createLead({ EmailAddress: 'f2@b.co' });
		await until(() => posts().length === 4);
		// The status changes once the last try's answer is read.
		await new Promise((resolve) => setTimeout(resolve, 50));

		expect(await retrieve()).toMatchObject({ StatusCode: 2 });
		expect((await admin(sandbox, 'GET', 'webhooks'))[0].stats).toMatchObject({
			attempts: 4,
			delivered: 0,
			failedDeliveries: 2,
			lastError: 'HTTP 500',
		});

		await createLead({ EmailAddress: 'f3@b.co' });
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(posts()).toHaveLength(4);

		answerStatus = 200;
		await call(sandbox, 'POST', `${WH}/Update`, { body: { WebhookId: id, StatusCode: 0 } });
		await createLead({ EmailAddress: 'f4@b.co' });
		await until(() => posts().length === 5);
		expect(await retrieve()).toMatchObject({ StatusCode: 0 });
	});

	it('stops delivering after a reset', async () => {
		await register(3);
		await admin(sandbox, 'POST', 'reset');

		await createLead({ EmailAddress: 'after@b.co' });
		await new Promise((resolve) => setTimeout(resolve, 100));

		expect(posts()).toEqual([]);
	});
});
