/**
 * The access key, secret key and x-api-key must never show up in errors, logs or output items,
 * whatever goes wrong. Every failure below runs through the real engine for a v2 write, an
 * async submit (whose keys travel in the query string) and a status check, with Continue On
 * Fail on and off; the whole serialized run and the captured logs are searched for every
 * spelling of the three secrets.
 */
import nock from 'nock';

import { API_BASE, ASYNC_BASE, TEST_CREDENTIALS } from '../harness/engine';
import { useNock } from '../harness/http';
import { ECHO, leaks, runFailing, type Reply } from '../harness/leakCheck';
import { recordMatrixRow } from '../harness/matrixReport';

useNock();

// Servers that echo the request (some proxies and error pages do) are included on purpose.
const FAILURES: Record<string, Reply> = {
	'401': (i) =>
		i.reply(401, {
			Status: 'Error',
			ExceptionType: 'MXUnAuthorizedAccessException',
			ExceptionMessage: `Invalid ${ECHO}`,
		}),
	'403 throttled': (i) =>
		i.reply(403, {
			Status: 'Error',
			ExceptionMessage: 'API calls exceeded the limit of 10 in 5 second(s)',
		}),
	'429': (i) =>
		i.reply(429, {
			Status: 'Error',
			ExceptionMessage: `API calls exceeded the limit of 25 in 5 second(s) for ${ECHO}`,
		}),
	'404': (i) => i.reply(404, `<html>Cannot find ${ECHO}</html>`),
	'500 MX exception': (i) =>
		i.reply(500, {
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: `Bad input from ${ECHO}`,
		}),
	'500 HTML': (i) =>
		i.reply(500, `<html><body>Server error for ${ECHO}</body></html>`, {
			'Content-Type': 'text/html',
		}),
	'malformed JSON': (i) =>
		i.reply(200, `{"Status":"Success","Message":{"Id":"${TEST_CREDENTIALS.accessKey}"`, {
			'Content-Type': 'application/json',
		}),
	timeout: (i) => i.delay(1500).reply(200, {}),
	'connection reset': (i) =>
		i.replyWithError({ code: 'ECONNRESET', message: `socket hang up ${ECHO}` }),
	'DNS failure': (i) =>
		i.replyWithError({
			code: 'ENOTFOUND',
			message: 'getaddrinfo ENOTFOUND api-test.leadsquared.test',
		}),
};

const REQUESTS = {
	'v2 update': {
		parameters: {
			resource: 'lead',
			operation: 'update',
			leadId: '11111111-1111-4111-8111-111111111111',
			fieldsInput: 'list',
			leadFields: { fields: [{ attribute: 'mx_City', value: 'Pune' }] },
		},
		intercept: () => nock(API_BASE).post('/v2/LeadManagement.svc/Lead.Update').query(true),
	},
	'async capture': {
		parameters: {
			resource: 'lead',
			operation: 'captureAsync',
			fieldsInput: 'list',
			leadFields: { fields: [{ attribute: 'EmailAddress', value: 'a@example.com' }] },
		},
		intercept: () => nock(ASYNC_BASE).post('/lead/capture').query(true),
	},
	'v2 read': {
		parameters: { resource: 'lead', operation: 'quickSearch', key: 'ana', returnAll: true },
		intercept: () =>
			nock(API_BASE).get('/v2/LeadManagement.svc/Leads.GetByQuickSearch').query(true),
	},
	'status check': {
		parameters: {
			resource: 'lead',
			operation: 'getRequestStatus',
			requestId: '22222222-2222-4222-8222-222222222222',
			requestType: 'capture',
		},
		intercept: () => nock(ASYNC_BASE).get('/lead/status').query(true),
	},
};

const matrix = Object.entries(FAILURES).flatMap(([failure, reply]) =>
	Object.entries(REQUESTS).flatMap(([request, setup]) =>
		[false, true].map((continueOnFail) => ({ failure, reply, request, setup, continueOnFail })),
	),
);

it.each(matrix)(
	'$failure on $request (continue on fail: $continueOnFail) leaks nothing',
	async ({ failure, request, reply, setup, continueOnFail }) => {
		const { failed, found, hits } = await runFailing(
			setup.parameters,
			setup.intercept,
			reply,
			continueOnFail,
		);

		recordMatrixRow('secrets', {
			failure,
			request,
			continueOnFail,
			hits: hits.length,
			message: failed,
		});
		expect(typeof failed).toBe('string');
		expect(found.runData).toEqual([]);
		expect(found.logs).toEqual([]);
		expect(found.coreLog).toEqual([]);
		// The error the user sees must still say what happened.
		expect(failed).not.toMatch(/^Request failed with status code/);
	},
);

it('finds a secret when one is there, so the checks above can fail', () => {
	expect(
		leaks(
			JSON.stringify({
				url: `https://x/lead/capture?accessKey=${encodeURIComponent(TEST_CREDENTIALS.accessKey)}`,
			}),
		),
	).not.toEqual([]);
});
