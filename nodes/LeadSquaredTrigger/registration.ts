import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
} from 'n8n-workflow';

import { idOf, isObject, messageOf, recordsOf } from '../shared/responses';
import { leadSquaredRequest } from '../shared/transport';
import { WEBHOOK_EVENTS, type WebhookEventName } from './events';

/** LeadSquared has no signatures, so every registration carries this header with a random value. */
export const DELIVERY_CHECK_HEADER = 'X-N8N-LeadSquared-Secret';

/** What the trigger asks LeadSquared to send, and where. */
export interface WebhookSpec {
	url: string;
	event: WebhookEventName;
	/** Activity events: the activity type's event code; 0 for every type. */
	activityType: number;
	/** Lead Field Updated: the field's schema name. */
	fieldName: string;
	secret: string;
}

/** A webhook as LeadSquared's Retrieve lists it (`{ RecordCount, Response: [...] }`). */
export interface RegisteredWebhook {
	id: string;
	url: string;
	event: number;
	/** 0 enabled, 1 disabled by a user, 2 disabled by LeadSquared after failed deliveries. */
	statusCode: number;
}

export const ENABLED = 0;

const REFUSED_HINT =
	"Only an administrator's API keys can create webhooks, and LeadSquared plans limit how many an account may have (3 on Pro, 30 on Super); every active workflow with this trigger uses one. " +
	'Delete unused ones under My Account > Settings > API and Webhooks > Webhooks, or use the LeadSquared Polling Trigger node, which needs no webhook.';

export async function createWebhook(context: IHookFunctions, spec: WebhookSpec): Promise<string> {
	const body: IDataObject = {
		Description: `n8n workflow "${context.getWorkflow().name ?? context.getWorkflow().id}": ${WEBHOOK_EVENTS[spec.event].name}`,
		URL: spec.url,
		Method: 'POST',
		ContentType: 'application/json',
		WebhookEvent: WEBHOOK_EVENTS[spec.event].code,
		IsSpecificLandingPage: false,
		NotifyOnFailure: true,
		WebhookProperties: webhookPropertiesFor(spec),
		CustomHeaders: [{ Key: DELIVERY_CHECK_HEADER, Value: spec.secret }],
	};
	let response;
	try {
		response = await leadSquaredRequest.call(context, {
			api: 'v2',
			method: 'POST',
			path: 'Webhook.svc/Create',
			body,
			idempotent: false,
		});
	} catch (error) {
		throw withRefusalHint(context, error);
	}
	const id =
		idOf(messageOf(response)) ??
		(isObject(response) && typeof response.Id === 'string' ? response.Id : undefined);
	if (!id) {
		throw new NodeOperationError(
			context.getNode(),
			'LeadSquared created the webhook but did not say its ID',
			{
				description:
					'Without the ID the webhook cannot be deleted when the workflow is deactivated. Check My Account > Settings > API and Webhooks > Webhooks and delete it there if it is listed.',
			},
		);
	}
	return id;
}

export async function findWebhook(
	context: IHookFunctions,
	id: string,
): Promise<RegisteredWebhook | undefined> {
	const response = await leadSquaredRequest.call(context, {
		api: 'v2',
		method: 'POST',
		path: 'Webhook.svc/Retrieve',
		body: { Parameter: { WebhookId: id }, Paging: { PageIndex: 1, PageSize: 100 } },
		idempotent: true,
	});
	// The filter narrows the answer; the ID is compared anyway in case an account ignores it.
	return recordsOf(response, 'Response', 'Webhooks')
		.map(toRegisteredWebhook)
		.find((webhook) => webhook.id === id);
}

/**
 * Deletes the webhook, or finds it already gone (deleted by hand in LeadSquared, which then
 * answers that it does not exist): either way it no longer calls n8n.
 */
export async function deleteWebhook(context: IHookFunctions, id: string): Promise<void> {
	try {
		await leadSquaredRequest.call(context, {
			api: 'v2',
			method: 'GET',
			path: 'Webhook.svc/Delete',
			qs: { webhookId: id },
			idempotent: true,
		});
	} catch (error) {
		if (await findWebhook(context, id)) throw asNodeError(context, error);
	}
}

/**
 * Transport errors already say what LeadSquared answered; this adds what usually causes a
 * refusal, to the message too, since n8n shows only the message when activation fails.
 */
function withRefusalHint(
	context: IHookFunctions,
	error: unknown,
): NodeApiError | NodeOperationError {
	// LeadSquared refuses with 4xx or, for some MX exceptions, 500; throttling (429) is not a refusal.
	if (error instanceof NodeApiError && error.httpCode && error.httpCode !== '429') {
		error.message = `LeadSquared refused to create the webhook: ${error.message} (webhooks need an administrator's keys; plans allow 3 on Pro, 30 on Super)`;
		error.description = [error.description, REFUSED_HINT].filter(Boolean).join(' ');
	}
	return asNodeError(context, error);
}

function asNodeError(context: IHookFunctions, error: unknown): NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError
		? error
		: new NodeOperationError(context.getNode(), error as Error);
}

/**
 * LeadSquared's settings page narrows activity webhooks to one activity type and field-update
 * webhooks to one field; the API's `WebhookProperties` carries the same choice. Its exact
 * shape is undocumented, so the delivery handler filters activity types again on receipt.
 */
function webhookPropertiesFor(spec: WebhookSpec): IDataObject {
	if (spec.fieldName) return { FieldSchemaName: spec.fieldName };
	if (spec.activityType) return { ActivityEvent: spec.activityType };
	return {};
}

function toRegisteredWebhook(record: IDataObject): RegisteredWebhook {
	return {
		id: String(record.WebhookId ?? record.Id ?? ''),
		url: String(record.URL ?? record.Url ?? ''),
		event: Number(record.WebhookEvent),
		statusCode: Number(record.StatusCode ?? ENABLED),
	};
}
