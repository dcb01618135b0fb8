/**
 * Throttling answers as the transport reads them: the window's figure, a spent daily cap (its
 * wording is undocumented, so the likely texts are recognised) and Retry-After in both forms.
 */
import {
	classifyResponse,
	nextMidnightUtc,
	retryAfterOf,
} from '../../nodes/shared/transport/classify';

const NOW = Date.parse('2026-03-10T15:30:00Z');
const lsqError = (message: string) => ({
	Status: 'Error',
	ExceptionType: 'MXAPIRateLimitExceededException',
	ExceptionMessage: message,
});

describe('throttling answers', () => {
	it('reads the limit and window from the message and a Retry-After in seconds', () => {
		expect(
			classifyResponse(
				429,
				lsqError('API calls exceeded the limit of 25 in 5 second(s)'),
				{ 'retry-after': '3' },
				NOW,
			),
		).toEqual({
			kind: 'throttled',
			statusCode: 429,
			message: 'API calls exceeded the limit of 25 in 5 second(s)',
			limit: 25,
			windowSeconds: 5,
			retryAfterMs: 3000,
		});
	});

	it('reads a Retry-After given as an HTTP date', () => {
		expect(retryAfterOf({ 'Retry-After': 'Tue, 10 Mar 2026 15:30:20 GMT' }, NOW)).toBe(20_000);
		expect(retryAfterOf({ 'Retry-After': 'soon' }, NOW)).toBeUndefined();
		expect(retryAfterOf({}, NOW)).toBeUndefined();
	});

	it.each([
		[429, 'API calls exceeded the daily limit of 10000'],
		[429, 'You have exceeded the API limit of 100000 calls per day'],
		[403, 'Daily API limit exceeded'],
		[429, 'API limit of 10000 calls in 24 hours exceeded'],
	])('recognises a spent daily cap in a %i "%s"', (status, message) => {
		expect(classifyResponse(status, lsqError(message), {}, NOW)).toEqual({
			kind: 'dailyCapReached',
			statusCode: status,
			message,
			resetAt: Date.parse('2026-03-11T00:00:00Z'),
			resetSource: 'inferredMidnightUtc',
		});
	});

	it('takes the daily reset from Retry-After when there is one', () => {
		const outcome = classifyResponse(
			429,
			lsqError('API calls exceeded the daily limit'),
			{ 'Retry-After': '3600' },
			NOW,
		);
		expect(outcome).toMatchObject({
			kind: 'dailyCapReached',
			resetAt: NOW + 3_600_000,
			resetSource: 'retryAfter',
		});
	});

	it('leaves a 403 that is not about limits alone, even when it mentions a day', () => {
		expect(
			classifyResponse(403, lsqError('This user cannot edit leads created today'), {}, NOW).kind,
		).toBe('rejected');
	});

	it('puts the inferred reset at the next midnight UTC', () => {
		expect(nextMidnightUtc(Date.parse('2026-03-10T23:59:59Z'))).toBe(
			Date.parse('2026-03-11T00:00:00Z'),
		);
		expect(nextMidnightUtc(Date.parse('2026-03-11T00:00:00Z'))).toBe(
			Date.parse('2026-03-12T00:00:00Z'),
		);
	});
});
