import { jsonParse, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { isObject } from './responses';
import type { ApiRequest, ResponseBody } from './transport';
import { invalidInput, requireGuid } from './validation';

export type AsyncRequestType = 'capture' | 'update';

/**
 * Not fully documented by LeadSquared: `lead/status` appears in LeadSquared's prose for
 * capture; the update path follows the `{submit path}/status` pattern of LeadSquared's other
 * async APIs. Both can be overridden in the node's options.
 */
export const DEFAULT_STATUS_PATHS: Record<AsyncRequestType, string> = {
	capture: 'lead/status',
	update: 'lead/update/status',
};

export interface StatusQuery {
	requestId: string;
	requestType: AsyncRequestType;
	request: ApiRequest;
}

/** Reads RequestID, request type and path override of one item (shared by both nodes). */
export function readStatusQuery(this: IExecuteFunctions, itemIndex: number): StatusQuery {
	const item = this.getInputData()[itemIndex]?.json ?? {};
	const requestId = requireGuid(
		this.getNode(),
		itemIndex,
		'Request ID',
		this.getNodeParameter('requestId', itemIndex),
		'request ID',
	);
	let requestType = this.getNodeParameter('requestType', itemIndex, 'fromInput') as string;
	if (requestType === 'fromInput') {
		requestType = String(item.requestType ?? '');
		if (requestType !== 'capture' && requestType !== 'update') {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				'Request Type',
				'the input item has no requestType of "capture" or "update"',
				'Choose Lead Capture or Lead Update as Request Type, or connect this node after a Capture (Async) or Update (Async) step.',
			);
		}
	}
	const type = requestType as AsyncRequestType;
	const override = String(this.getNodeParameter('options.statusPath', itemIndex, '') ?? '').trim();
	const path = (override || DEFAULT_STATUS_PATHS[type]).replace(/^\/+/, '');
	return {
		requestId,
		requestType: type,
		request: {
			api: 'asyncStatus',
			method: 'GET',
			path,
			qs: { RequestID: requestId },
			idempotent: true,
		},
	};
}

/** What Capture (Async) and Update (Async) output: the request ID the status check needs, and its type. */
export function queuedRequestOf(
	response: ResponseBody,
	request: { requestType: AsyncRequestType; leadId?: unknown },
): IDataObject {
	const body = isObject(response) ? response : {};
	return {
		requestId: body.RequestID ?? body.RequestId,
		requestType: request.requestType,
		...(request.leadId !== undefined ? { leadId: request.leadId } : {}),
		status: body.Status,
	};
}

type RequestState = 'queued' | 'succeeded' | 'failed';

/**
 * LeadSquared's status document, flattened for mapping: `Message` and `RequestBody` arrive as
 * JSON inside strings and are parsed, and the status becomes flags an If node can test.
 */
export function normaliseStatus(body: IDataObject, query: StatusQuery): IDataObject {
	const task = (body.TaskStatus ?? {}) as IDataObject;
	const status = typeof task.Status === 'string' ? task.Status : '';
	const message = parseEmbeddedJson(task.Message);
	const innerFailed = isObject(message) && message.Status === 'Error';
	const state = stateOf(status, innerFailed);
	const innerMessage =
		isObject(message) && isObject(message.Message) ? (message.Message as IDataObject) : {};
	const leadId = innerMessage.Id ?? innerMessage.RelatedId ?? innerMessage.RelatedID;
	return {
		requestId: (body.RequestID ?? body.RequestId ?? query.requestId) as string,
		requestType: query.requestType,
		status,
		state,
		done: state !== 'queued',
		succeeded: state === 'succeeded',
		failed: state === 'failed',
		statusReason: task.StatusReason ?? null,
		taskType: task.TaskType ?? null,
		currentStep: task.TaskCurrentStep ?? null,
		lastStep: task.TaskLastStep ?? null,
		...(leadId !== undefined ? { leadId } : {}),
		...(innerMessage.AffectedRows !== undefined ? { affectedRows: innerMessage.AffectedRows } : {}),
		message,
		requestBody: parseEmbeddedJson(task.RequestBody),
		response: body,
	};
}

function stateOf(status: string, innerFailed: boolean): RequestState {
	switch (status.toLowerCase()) {
		case 'success':
			return innerFailed ? 'failed' : 'succeeded';
		case 'failure':
		case 'error':
		case 'failed':
			return 'failed';
		default:
			// In-Queue and any in-between step LeadSquared may add later: still running.
			return 'queued';
	}
}

function parseEmbeddedJson(value: unknown): IDataObject | string | null {
	if (typeof value !== 'string') return (value ?? null) as IDataObject | null;
	try {
		return jsonParse<IDataObject>(value);
	} catch {
		return value;
	}
}
