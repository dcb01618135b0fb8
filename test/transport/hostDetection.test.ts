/**
 * Auto-detected hosts are remembered for the life of the process (one discovery call per
 * account), and every test starts with none: the harness empties the process-wide caches
 * through the test double of nodes/shared/processCache.ts.
 */
import nock from 'nock';

import { runFixture } from '../harness/fixtures';
import { useNock } from '../harness/http';

useNock();

const DISCOVERY = 'https://api.leadsquared.com';
const REGION = 'https://api-in21.leadsquared.com';
const UPDATE_PATH = '/v2/LeadManagement.svc/Lead.Update';
const input = [{ id: '7ba60ab0-7054-4856-8590-1b5a9f904ad1', city: 'Pune', budget: 5 }];
const credentials = { apiHost: 'auto' };

function discoveryOnce() {
	nock(DISCOVERY)
		.get('/v2/Authentication.svc/UserByAccessKey.Get')
		.reply(200, { Id: 'u1', LSQCommonServiceURLs: { api: 'api-in21.leadsquared.com' } });
}

it('asks LeadSquared for the region once, then sends straight to it', async () => {
	discoveryOnce();
	nock(REGION)
		.post(UPDATE_PATH)
		.query(true)
		.times(2)
		.reply(200, { Status: 'Success', Message: { AffectedRows: 1 } });

	// A second discovery call would match no interceptor and fail the test in useNock().
	expect((await runFixture('update', { input, credentials })).error).toBeUndefined();
	expect((await runFixture('update', { input, credentials })).error).toBeUndefined();
});

it('starts every test with no detected host', async () => {
	// Without the reset, the host from the test above would be reused and this interceptor would
	// be left pending, which useNock() reports as a failure.
	discoveryOnce();
	nock(REGION)
		.post(UPDATE_PATH)
		.query(true)
		.reply(200, { Status: 'Success', Message: { AffectedRows: 1 } });

	expect((await runFixture('update', { input, credentials })).error).toBeUndefined();
});
