/**
 * The only code in this package that talks HTTP to LeadSquared. It owns hosts, where the keys
 * go (through the credential), pacing under the account's rate limit, retries, turning
 * LeadSquared's answers into readable errors, and keeping secrets out of all of them.
 * Operations describe a request and get back the parsed body or a NodeApiError.
 */
import { NodeOperationError, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';

import { REQUEST_KIND_HEADER, type AuthScheme } from '../authScheme';
import { DISCOVERY_BASE_URL, normaliseBaseUrl, regionNameForHost } from '../hosts';
import {
	CREDENTIAL_TYPE,
	accountFromCredentials,
	asyncBaseUrlFor,
	detectedApiBaseUrl,
	type Account,
} from './account';
import { classifyException, classifyResponse, type FailedOutcome, type Outcome } from './classify';
import { invalidInput } from '../validation';
import { failureToError } from './errors';
import { collectPages } from './paging';
import {
	apiFamilyOf,
	limiterFor,
	recordSpentDailyCap,
	sleepUnlessAborted,
	spentDailyCap,
} from './rateLimiter';
import { redact } from './redact';
import type { ApiRequest, ListRequest, PageLimit, RequestContext, ResponseBody } from './types';

export type { ApiRequest, ListRequest, PageLimit, RequestContext, ResponseBody } from './types';

const MAX_ATTEMPTS_WITHOUT_THROTTLING = 4;

export async function leadSquaredRequest(
	this: RequestContext,
	request: ApiRequest,
	itemIndex = 0,
): Promise<ResponseBody> {
	const account = await accountFor(this);
	const baseUrl = await baseUrlFor(this, account, request.api, itemIndex);
	return await sendWithRetries(this, account, baseUrl, request, itemIndex);
}

/** Every page of a list endpoint, or up to the limit; see `collectPages`. */
export async function leadSquaredRequestPages(
	this: RequestContext,
	list: ListRequest,
	want: PageLimit,
	itemIndex = 0,
): Promise<IDataObject[]> {
	return await collectPages(
		list,
		want,
		async (request) => await leadSquaredRequest.call(this, request, itemIndex),
	);
}

/** Fails before anything is sent when the credential lacks what async calls need. */
export async function assertAsyncConfigured(
	this: RequestContext,
	itemIndex: number,
): Promise<void> {
	const account = await accountFor(this);
	await baseUrlFor(this, account, 'async', itemIndex);
}

/**
 * How many calls to keep in flight: enough to spend a whole window's budget at once even when
 * each call takes a while, since the limiter, not this number, sets the pace.
 */
export async function callConcurrency(this: RequestContext): Promise<number> {
	const account = await accountFor(this);
	return Math.min(Math.max(account.callsPer5Seconds, 10), 200);
}

const accounts = new WeakMap<object, Promise<Account>>();

/** One decryption of the credential per node run, not per item. */
async function accountFor(context: RequestContext): Promise<Account> {
	let account = accounts.get(context);
	if (!account) {
		account = context.getCredentials(CREDENTIAL_TYPE).then(accountFromCredentials);
		accounts.set(context, account);
	}
	return await account;
}

async function baseUrlFor(
	context: RequestContext,
	account: Account,
	api: AuthScheme,
	itemIndex: number,
): Promise<string> {
	if (api === 'v2') return await v2BaseUrl(context, account, itemIndex);

	if (!account.credentials.asyncApiKey) {
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Async API Key (x-api-key) in the credential',
			'is empty',
			'Async operations and request status checks need the x-api-key that LeadSquared issues for its async API. Add it to the LeadSquared credential, or use the sync operation instead.',
		);
	}
	if (account.configuredAsyncBaseUrl) return account.configuredAsyncBaseUrl;
	const v2 = await v2BaseUrl(context, account, itemIndex);
	const asyncBase = asyncBaseUrlFor(v2);
	if (!asyncBase) {
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Async API Host in the credential',
			`LeadSquared documents no async host for the region of ${v2}`,
			'LeadSquared documents async hosts only for the Singapore, United States and India (Mumbai) regions. Choose "Custom" as Async API Host in the credential and enter the host LeadSquared gave you.',
		);
	}
	return asyncBase;
}

async function v2BaseUrl(
	context: RequestContext,
	account: Account,
	itemIndex: number,
): Promise<string> {
	if (account.configuredApiBaseUrl) return account.configuredApiBaseUrl;
	return await detectedApiBaseUrl(account, async () => {
		const user = await whoAmI(context, account, DISCOVERY_BASE_URL, itemIndex);
		const host = accountHostOf(user);
		if (!host) {
			throw new NodeOperationError(
				context.getNode(),
				'Could not auto-detect the LeadSquared region',
				{
					itemIndex,
					description:
						'LeadSquared did not say which host the account uses. Choose the API Host in the credential.',
				},
			);
		}
		return normaliseBaseUrl(host);
	});
}

async function whoAmI(
	context: RequestContext,
	account: Account,
	baseUrl: string,
	itemIndex: number,
): Promise<IDataObject> {
	const body = await sendWithRetries(context, account, baseUrl, WHO_AM_I, itemIndex);
	return Array.isArray(body) ? {} : body;
}

const WHO_AM_I: ApiRequest = {
	api: 'v2',
	method: 'GET',
	path: 'Authentication.svc/UserByAccessKey.Get',
	idempotent: true,
};

function accountHostOf(user: IDataObject): string | undefined {
	const urls = (user?.LSQCommonServiceURLs ??
		(user?.d as IDataObject | undefined)?.LSQCommonServiceURLs) as IDataObject | undefined;
	return typeof urls?.api === 'string' && urls.api !== '' ? urls.api : undefined;
}

async function sendWithRetries(
	context: RequestContext,
	account: Account,
	baseUrl: string,
	request: ApiRequest,
	itemIndex: number,
): Promise<ResponseBody> {
	const signal = cancelSignalOf(context);
	const accountKey = `${baseUrl}|${account.fingerprint}`;
	const limiter = limiterFor(
		accountKey,
		apiFamilyOf(request.api, request.path),
		account.callsPer5Seconds,
	);
	const startedAt = Date.now();
	let attempts = 0;
	let unthrottledFailures = 0;
	const fail = async (outcome: FailedOutcome) => {
		const authHint =
			outcome.kind === 'unauthorized' && request !== WHO_AM_I
				? await diagnoseUnauthorized(context, account, baseUrl, request.api, itemIndex)
				: undefined;
		return failureToError(outcome, {
			node: context.getNode(),
			itemIndex,
			endpoint: endpointName(request.path),
			isWrite: !request.idempotent,
			attempts,
			elapsedMs: Date.now() - startedAt,
			secrets: account.secrets,
			authHint,
		});
	};

	for (;;) {
		const spentCap = spentDailyCap(accountKey, Date.now());
		if (spentCap) throw await fail({ kind: 'dailyCapReached', ...spentCap });

		const slot = await limiter.acquire(signal, attempts > 0);
		attempts++;
		let outcome: Outcome | undefined;
		try {
			outcome = await sendOnce(context, baseUrl, request, account.timeoutMs, signal);
		} finally {
			// In `finally`, so that an unexpected throw cannot hold a slot forever.
			slot.release(Date.now(), {
				sent: outcome?.kind !== 'notSent',
				throttled: outcome?.kind === 'throttled',
			});
		}
		if (outcome.kind === 'ok') return outcome.body;
		if (outcome.kind === 'cancelled') {
			throw new NodeOperationError(context.getNode(), 'The execution was cancelled', { itemIndex });
		}
		if (outcome.kind === 'dailyCapReached') {
			recordSpentDailyCap(accountKey, outcome);
			throw await fail(outcome);
		}

		const retryable = isRetryable(outcome, request.idempotent);
		if (outcome.kind === 'throttled') limiter.throttled(outcome);
		else unthrottledFailures++;
		const delay =
			outcome.kind === 'throttled'
				? Math.max(limiter.window, outcome.retryAfterMs ?? 0)
				: backoffDelay(unthrottledFailures);
		const outOfTime = Date.now() - startedAt + delay > account.maxRetryMs;

		if (!retryable || outOfTime || unthrottledFailures >= MAX_ATTEMPTS_WITHOUT_THROTTLING)
			throw await fail(outcome);
		context.logger.debug(
			redact(
				`LeadSquared ${endpointName(request.path)} attempt ${attempts} failed (${outcome.kind}); retrying`,
				account.secrets,
			),
		);
		// A 429 means LeadSquared's window is full now: sending this call again before a window
		// has passed would only be refused again. Then it queues ahead of every fresh call.
		await sleepUnlessAborted(delay, signal);
	}
}

function isRetryable(outcome: FailedOutcome, idempotent: boolean): boolean {
	switch (outcome.kind) {
		case 'throttled':
		case 'notSent':
			return true;
		case 'serverError':
		case 'ambiguous':
			return idempotent;
		default:
			return false;
	}
}

function backoffDelay(failures: number): number {
	const base = Math.min(8000, 500 * 2 ** (failures - 1));
	return base / 2 + Math.random() * (base / 2);
}

async function sendOnce(
	context: RequestContext,
	baseUrl: string,
	request: ApiRequest,
	timeoutMs: number,
	signal?: AbortSignal,
): Promise<Outcome> {
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL: baseUrl,
		url: request.api === 'v2' ? `/v2/${request.path}` : `/${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		headers: {
			[REQUEST_KIND_HEADER]: request.api,
			...(request.body ? { 'Content-Type': 'application/json' } : {}),
		},
		timeout: timeoutMs,
		// Ask axios to hand every status back instead of throwing, so LeadSquared's own error
		// text survives and n8n does not re-send a write after a 401.
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		// qs-style encoding percent-encodes the `$` of access keys in async query strings.
		arrayFormat: 'repeat',
	};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
		)) as {
			statusCode: number;
			body: unknown;
			headers?: Record<string, unknown>;
		};
		return classifyResponse(response.statusCode, response.body, response.headers ?? {});
	} catch (error) {
		return classifyException(error, signal);
	}
}

/**
 * A 401 from a v2 host means wrong keys or the wrong region. UserByAccessKey.Get answers on
 * every region's host and names the account's host, so ask it which one it is.
 */
async function diagnoseUnauthorized(
	context: RequestContext,
	account: Account,
	baseUrl: string,
	api: AuthScheme,
	itemIndex: number,
): Promise<string> {
	if (api !== 'v2') {
		return 'LeadSquared rejected the async API key (x-api-key) or the access keys. Check the Async API Key and Async API Host in the credential.';
	}
	try {
		const user = await whoAmI(context, account, baseUrl, itemIndex);
		const accountHost = accountHostOf(user);
		if (accountHost && hostOf(accountHost) !== hostOf(baseUrl)) {
			const region = regionNameForHost(accountHost);
			return `The keys are valid but belong to an account on ${accountHost}, not ${baseUrl}. Set API Host in the credential to ${region ?? `Custom: https://${accountHost}`}.`;
		}
		return "The keys are valid, but this user may lack permission for this action. Use an admin user's keys.";
	} catch {
		return "Check the access key and secret key (My Account > Settings > API and Webhooks > API Access Keys) and that the key's user is still active.";
	}
}

function hostOf(urlOrHost: string): string {
	return urlOrHost
		.replace(/^https?:\/\//i, '')
		.replace(/\/+$/, '')
		.toLowerCase();
}

function cancelSignalOf(context: RequestContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

function endpointName(path: string): string {
	return path.replace(/^LeadManagement\.svc\//, '').replace(/^Authentication\.svc\//, '');
}
