/**
 * What the secret-leak suites share: the spellings of the test credential's secrets, a text
 * that echoes them (as some proxies and error pages do), and one failing run searched for them
 * in its run data, its captured logs and n8n-core's own log.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { secretsOf } from '../../nodes/shared/transport/redact';
import { API_BASE, TEST_CREDENTIALS, readCoreLog, runNode } from './engine';

const SECRETS = secretsOf(TEST_CREDENTIALS);

export const ECHO = `key ${TEST_CREDENTIALS.accessKey} secret ${TEST_CREDENTIALS.secretKey} api ${TEST_CREDENTIALS.asyncApiKey}`;

export type Reply = (scope: nock.Interceptor) => nock.Scope;

export function leaks(text: string): string[] {
	return SECRETS.filter((secret) => text.includes(secret));
}

/**
 * Runs the node once against a server that fails every call with `reply`, and returns the
 * message the user sees (error item or node error) and the secrets found in each place.
 */
export async function runFailing(
	parameters: IDataObject,
	intercept: () => nock.Interceptor,
	reply: Reply,
	continueOnFail: boolean,
) {
	// Enough replies for every retry the policy may make within the short retry window.
	for (let attempt = 0; attempt < 4; attempt++) reply(intercept());
	// A 401 on a v2 call triggers the region diagnosis, which may echo secrets too.
	nock(API_BASE)
		.get('/v2/Authentication.svc/UserByAccessKey.Get')
		.optionally()
		.reply(401, { ExceptionMessage: ECHO });

	const result = await runNode({
		parameters,
		continueOnFail,
		credentials: { requestTimeoutSeconds: 1, maxRetrySeconds: 1 },
	});
	nock.cleanAll();

	const failed = continueOnFail ? result.output[0]?.[0]?.json.error : result.error?.message;
	const found = {
		runData: leaks(JSON.stringify(result.run)),
		logs: leaks(JSON.stringify(result.logs)),
		coreLog: leaks(readCoreLog()),
	};
	return { result, failed, found, hits: [...found.runData, ...found.logs, ...found.coreLog] };
}
