/**
 * Sorts every way a LeadSquared call can end into the few cases the retry policy and the error
 * messages care about. LeadSquared reports validation errors as HTTP 500 with an `MX...`
 * exception type (and some as 200 with Status "Error"), so HTTP status alone says little.
 */

import type { IDataObject } from 'n8n-workflow';

interface LeadSquaredErrorBody {
	Status?: string;
	ExceptionType?: string;
	ExceptionMessage?: string;
	Message?: unknown;
}

export type Outcome =
	| { kind: 'ok'; statusCode: number; body: IDataObject | IDataObject[] }
	/** 429, or 403 "API calls exceeded the limit": not processed, always safe to send again. */
	| {
			kind: 'throttled';
			statusCode: number;
			message: string;
			limit?: number;
			windowSeconds?: number;
			retryAfterMs?: number;
	  }
	/** The account's calls for the day are spent: nothing will pass until `resetAt`. */
	| {
			kind: 'dailyCapReached';
			statusCode: number;
			message: string;
			resetAt: number;
			resetSource: 'retryAfter' | 'inferredMidnightUtc';
	  }
	/** LeadSquared understood the call and refused it (MX exception, 4xx): sending it again changes nothing. */
	| { kind: 'rejected'; statusCode: number; message: string; exceptionType?: string; body: unknown }
	| { kind: 'unauthorized'; statusCode: number; message: string; body: unknown }
	/** A 5xx without an MX exception type: a system fault; the write may or may not have happened. */
	| { kind: 'serverError'; statusCode: number; message: string; body: unknown }
	/** Failed before a connection was made: nothing reached LeadSquared. */
	| { kind: 'notSent'; code: string; message: string }
	/** Sent, but the answer was lost or unreadable: the write may or may not have happened. */
	| { kind: 'ambiguous'; code: string; message: string; statusCode?: number }
	| { kind: 'cancelled' };

export type FailedOutcome = Exclude<Outcome, { kind: 'ok' } | { kind: 'cancelled' }>;

const THROTTLE_PATTERN = /exceeded the limit of (\d+) in (\d+(?:\.\d+)?) second/i;

/**
 * LeadSquared documents daily caps (10,000 calls a day on Pro, 100,000 on Super) but not the
 * words of the answer that reports one. These are inferred: any 429, or 403 naming a limit,
 * whose message speaks of a day.
 */
const DAILY_CAP_PATTERN = /\bdaily\b|per day|a day\b|\b24 ?hours?\b/i;
const LIMIT_WORDING = /exceeded|limit/i;

const DAY_MS = 24 * 60 * 60 * 1000;

const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EADDRNOTAVAIL',
	'ERR_INVALID_URL',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

export function classifyResponse(
	statusCode: number,
	body: unknown,
	headers: Record<string, unknown> = {},
	now: number = Date.now(),
): Outcome {
	const errorBody = asErrorBody(body);
	const lsqMessage = errorBody?.ExceptionMessage ?? stringMessage(errorBody?.Message);
	const text = lsqMessage ?? '';
	const retryAfterMs = retryAfterOf(headers, now);

	const limitRefusal =
		statusCode === 429 ||
		(statusCode === 403 && (THROTTLE_PATTERN.test(text) || LIMIT_WORDING.test(text)));
	if (limitRefusal && DAILY_CAP_PATTERN.test(text)) {
		return {
			kind: 'dailyCapReached',
			statusCode,
			message: text,
			resetAt: retryAfterMs !== undefined ? now + retryAfterMs : nextMidnightUtc(now),
			resetSource: retryAfterMs !== undefined ? 'retryAfter' : 'inferredMidnightUtc',
		};
	}
	if (statusCode === 429 || (statusCode === 403 && THROTTLE_PATTERN.test(text))) {
		const match = THROTTLE_PATTERN.exec(text);
		return {
			kind: 'throttled',
			statusCode,
			message: lsqMessage ?? 'API calls exceeded the rate limit',
			limit: match ? Number(match[1]) : undefined,
			windowSeconds: match ? Number(match[2]) : undefined,
			retryAfterMs,
		};
	}
	if (statusCode === 401) {
		return { kind: 'unauthorized', statusCode, message: lsqMessage ?? 'Unauthorized', body };
	}
	if (statusCode >= 200 && statusCode < 300) {
		if (body === null || typeof body !== 'object') {
			return {
				kind: 'ambiguous',
				code: 'EBADRESPONSE',
				statusCode,
				message: 'LeadSquared answered with a body that is not JSON',
			};
		}
		if (errorBody?.Status === 'Error') {
			return {
				kind: 'rejected',
				statusCode,
				message: lsqMessage ?? 'LeadSquared reported an error',
				exceptionType: errorBody.ExceptionType,
				body,
			};
		}
		return { kind: 'ok', statusCode, body: body as IDataObject | IDataObject[] };
	}
	if (statusCode >= 500 && !errorBody?.ExceptionType?.startsWith('MX')) {
		return { kind: 'serverError', statusCode, message: lsqMessage ?? `HTTP ${statusCode}`, body };
	}
	return {
		kind: 'rejected',
		statusCode,
		message: lsqMessage ?? defaultMessageFor(statusCode),
		exceptionType: errorBody?.ExceptionType,
		body,
	};
}

/**
 * LeadSquared documents no Retry-After, but honours one if it ever comes: delay-seconds or an
 * HTTP date (RFC 9110). Returns milliseconds from `now`.
 */
export function retryAfterOf(headers: Record<string, unknown>, now: number): number | undefined {
	const name = Object.keys(headers).find((key) => key.toLowerCase() === 'retry-after');
	const raw = name === undefined ? undefined : headers[name];
	const value = String(Array.isArray(raw) ? raw[0] : (raw ?? '')).trim();
	if (value === '') return undefined;
	if (/^\d+$/.test(value)) return Number(value) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** When the daily count resets is undocumented; midnight UTC is the inferred default. */
export function nextMidnightUtc(now: number): number {
	return (Math.floor(now / DAY_MS) + 1) * DAY_MS;
}

/**
 * n8n wraps transport failures in a NodeApiError whose shape differs between n8n 1.x (no
 * `cause`) and 2.x (`cause` is the AxiosError), so look for the error code everywhere it can be.
 */
export function classifyException(error: unknown, signal?: AbortSignal): Outcome {
	if (signal?.aborted) return { kind: 'cancelled' };
	const code = findErrorCode(error);
	if (code === 'ERR_CANCELED') return { kind: 'cancelled' };
	if (code && NOT_SENT_CODES.has(code)) {
		return { kind: 'notSent', code, message: describeNetworkCode(code) };
	}
	return { kind: 'ambiguous', code: code ?? 'EUNKNOWN', message: describeNetworkCode(code) };
}

function findErrorCode(error: unknown): string | undefined {
	const candidates: unknown[] = [];
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
		const record = current as Record<string, unknown>;
		candidates.push(record.code, record.errno);
		current = record.cause;
	}
	const direct = candidates.find(
		(value): value is string => typeof value === 'string' && /^[A-Z_]+$/.test(value),
	);
	if (direct) return direct;

	const texts: string[] = [];
	current = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
		const record = current as Record<string, unknown>;
		if (typeof record.message === 'string') texts.push(record.message);
		if (typeof record.description === 'string') texts.push(record.description);
		if (Array.isArray(record.messages))
			texts.push(...record.messages.filter((m): m is string => typeof m === 'string'));
		current = record.cause;
	}
	const text = texts.join(' ');
	if (/canceled|cancelled|aborted/i.test(text)) return 'ERR_CANCELED';
	if (/timeout of \d+ms exceeded|timed out/i.test(text)) return 'ETIMEDOUT';
	if (/socket hang up/i.test(text)) return 'ECONNRESET';
	return /\b(E[A-Z]{3,}|ERR_[A-Z_]+)\b/.exec(text)?.[1];
}

function describeNetworkCode(code: string | undefined): string {
	switch (code) {
		case 'ECONNREFUSED':
			return 'The LeadSquared host refused the connection';
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return 'The LeadSquared host name could not be resolved (DNS); check the API host in the credential';
		case 'ETIMEDOUT':
		case 'ECONNABORTED':
		case 'ESOCKETTIMEDOUT':
			return 'LeadSquared did not answer in time';
		case 'ECONNRESET':
		case 'EPIPE':
			return 'The connection to LeadSquared was closed before an answer arrived';
		default:
			return code
				? `The request to LeadSquared failed (${code})`
				: 'The request to LeadSquared failed';
	}
}

function asErrorBody(body: unknown): LeadSquaredErrorBody | undefined {
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as LeadSquaredErrorBody)
		: undefined;
}

function stringMessage(message: unknown): string | undefined {
	return typeof message === 'string' && message.trim() !== '' ? message : undefined;
}

function defaultMessageFor(statusCode: number): string {
	switch (statusCode) {
		case 400:
			return 'LeadSquared could not read the request (400 Bad Request)';
		case 403:
			return 'LeadSquared refused the request (403 Forbidden)';
		case 404:
			return 'LeadSquared does not know this endpoint (404 Not Found)';
		default:
			return `LeadSquared answered HTTP ${statusCode}`;
	}
}
