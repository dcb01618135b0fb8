/**
 * The sales-day resources add two kinds of calls: account metadata read while items are checked
 * (activity types here) and writes and reads around a lead. The same secret-echoing failures as
 * the main secret-leak matrix run through each, with Continue On Fail on and off; run data and
 * logs must hold no spelling of the keys.
 */
import nock from 'nock';

import { API_BASE } from '../harness/engine';
import { useNock } from '../harness/http';
import { ECHO, runFailing, type Reply } from '../harness/leakCheck';
import { recordMatrixRow } from '../harness/matrixReport';
import { LEAD_ID, mapped } from '../harness/account';

useNock();

const FAILURES: Record<string, Reply> = {
	'401': (i) =>
		i.reply(401, {
			Status: 'Error',
			ExceptionType: 'MXUnAuthorizedAccessException',
			ExceptionMessage: `Invalid ${ECHO}`,
		}),
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
	'connection reset': (i) =>
		i.replyWithError({ code: 'ECONNRESET', message: `socket hang up ${ECHO}` }),
};

const REQUESTS = {
	'activity types read while checking items': {
		parameters: {
			resource: 'activity',
			operation: 'create',
			leadBy: 'id',
			leadId: LEAD_ID,
			activityType: '201',
			activityFields: mapped({}),
		},
		intercept: () => nock(API_BASE).get('/v2/ProspectActivity.svc/ActivityTypes.Get'),
	},
	'note create (write)': {
		parameters: { resource: 'note', operation: 'create', leadId: LEAD_ID, note: 'Called' },
		intercept: () => nock(API_BASE).post('/v2/LeadManagement.svc/CreateNote'),
	},
	'tasks of a lead (read)': {
		parameters: { resource: 'task', operation: 'getMany', leadId: LEAD_ID, returnAll: true },
		intercept: () => nock(API_BASE).get('/v2/LeadManagement.svc/RetrieveTaskByLeadId').query(true),
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
		const { result, failed, hits } = await runFailing(
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
		expect(hits).toEqual([]);
		expect(failed).not.toMatch(/^Request failed with status code/);
		if (continueOnFail) expect(result.output[0]).toHaveLength(1);
	},
);
