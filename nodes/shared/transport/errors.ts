import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { FailedOutcome } from './classify';
import { redact, redactDeep } from './redact';

export interface FailureContext {
	node: INode;
	itemIndex: number;
	/** Human name of the endpoint, e.g. "Lead.Update". */
	endpoint: string;
	isWrite: boolean;
	attempts: number;
	/** From the item's first attempt to its last answer. */
	elapsedMs: number;
	secrets: string[];
	/** Extra sentence from the 401 diagnosis, if any. */
	authHint?: string;
}

// Hints for the exception types integrators hit most, worded for the person who has to fix the input.
const EXCEPTION_HINTS: Array<[RegExp, string]> = [
	[
		/does not exist - /i,
		'LeadSquared rejects the whole lead when one field name is unknown. Check the schema names (Settings > Lead Fields in LeadSquared); custom fields start with mx_.',
	],
	[
		/MXDuplicateEntryException/,
		'Another lead already has this email address or phone number. Use Search By to choose which field identifies the lead; phone numbers must match exactly as stored, e.g. +91-9999999999.',
	],
	[
		/not (been )?enabled/i,
		'LeadSquared enables this API per account on request (the Lead Delete API among them). Ask LeadSquared support to enable it for your account.',
	],
	[
		/MXInvalidEntity(Reference)?Exception/,
		'The lead ID is unknown: it may have been deleted or merged.',
	],
	[/MXMandatoryAttributeMissingException/, 'A required value is missing from the request.'],
	[
		/request not found|RequestI[dD]/i,
		'LeadSquared does not know this request ID. Check that it came from the same account, and the Status Path option.',
	],
];

/** One NodeApiError per failed item, worded for the person reading it in the n8n editor. */
export function failureToError(outcome: FailedOutcome, context: FailureContext): NodeApiError {
	const { message, description } = wordingFor(outcome, context);
	const statusCode = 'statusCode' in outcome ? outcome.statusCode : undefined;
	const exceptionType = outcome.kind === 'rejected' ? outcome.exceptionType : undefined;
	const body = 'body' in outcome ? redactDeep(outcome.body, context.secrets) : undefined;
	const safeMessage = redact(message, context.secrets);
	const safeDescription = redact(description, context.secrets);
	const errorResponse: JsonObject = {
		message: safeMessage,
		description: safeDescription,
		...(statusCode ? { httpCode: String(statusCode) } : {}),
		...(exceptionType ? { exceptionType } : {}),
		...(body !== undefined && typeof body === 'object'
			? { leadSquaredResponse: body as JsonObject }
			: {}),
	};
	return new NodeApiError(context.node, errorResponse, {
		message: safeMessage,
		description: safeDescription,
		httpCode: statusCode ? String(statusCode) : undefined,
		itemIndex: context.itemIndex,
	});
}

function wordingFor(
	outcome: FailedOutcome,
	context: FailureContext,
): { message: string; description: string } {
	const where = `${context.endpoint} (item ${context.itemIndex})`;
	const tries =
		context.attempts > 1
			? ` after ${context.attempts} attempts over ${seconds(context.elapsedMs)}`
			: '';
	const notResent =
		'It was not sent again, so it cannot be applied twice. Check in LeadSquared whether it was applied before running this item again.';

	switch (outcome.kind) {
		case 'rejected': {
			const hint = EXCEPTION_HINTS.find(([pattern]) =>
				pattern.test(`${outcome.exceptionType ?? ''} ${outcome.message}`),
			)?.[1];
			const type = outcome.exceptionType ? `${outcome.exceptionType}, ` : '';
			return {
				message: outcome.message,
				description: `LeadSquared refused ${where} (${type}HTTP ${outcome.statusCode}).${hint ? ` ${hint}` : ''}`,
			};
		}
		case 'unauthorized':
			return {
				message: 'LeadSquared rejected the credentials (401 Unauthorized)',
				description:
					context.authHint ??
					`${where}: check the access key, secret key and API host in the credential, and that the key's user is still active.`,
			};
		case 'throttled':
			return {
				message: `LeadSquared's rate limit was still exceeded${tries}: ${outcome.message}`,
				description: `${where} was not processed. Lower "Rate Limit (Calls per 5 Seconds)" in the credential, or run fewer workflows against this account at the same time.`,
			};
		case 'dailyCapReached': {
			const when = new Date(outcome.resetAt).toISOString().replace('.000Z', 'Z');
			const source =
				outcome.resetSource === 'retryAfter'
					? "from LeadSquared's Retry-After"
					: 'inferred: LeadSquared does not document when the daily count resets, so this assumes midnight UTC';
			return {
				message: `LeadSquared's daily API limit for this account is used up: ${outcome.message}`,
				description: `${where} was not processed and was not retried: no call can pass until the daily count resets, expected at ${when} (${source}). Other calls to this account fail the same way without being sent until then. Raise the daily limit under Manage Subscription in LeadSquared, or run again after the reset.`,
			};
		}
		case 'serverError':
			return {
				message: `LeadSquared had an internal error (HTTP ${outcome.statusCode})${tries}`,
				description: context.isWrite
					? `${where} may or may not have been applied. ${notResent}`
					: `${where} failed on LeadSquared's side.`,
			};
		case 'notSent':
			return {
				message: `${outcome.message}${tries}`,
				description: `${where} never reached LeadSquared, so nothing was written.`,
			};
		case 'ambiguous':
			return {
				message: `${outcome.message}${tries}`,
				description: context.isWrite
					? `${where} was sent but no usable answer came back, so it may or may not have been applied. ${notResent}`
					: `${where} got no usable answer.`,
			};
	}
}

function seconds(ms: number): string {
	return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
