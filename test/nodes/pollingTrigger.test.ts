/**
 * LeadSquared Polling Trigger through n8n-core's PollContext: the first poll only starts the
 * clock, each later poll reads Leads.RecentlyModified from the previous end minus the overlap,
 * drops changes it already emitted, tells new leads from changed ones, and reads past 5,000.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { toLeadSquaredDate } from '../../nodes/shared/dates';
import { API_BASE, TEST_CREDENTIALS } from '../harness/engine';
import { useNock } from '../harness/http';
import { PollingTriggerHarness } from '../harness/triggers';

useNock();

const V2_AUTH = {
	reqheaders: {
		'x-lsq-accesskey': TEST_CREDENTIALS.accessKey,
		'x-lsq-secretkey': TEST_CREDENTIALS.secretKey,
	},
};
const OVERLAP_MS = 5 * 60 * 1000;

interface RecentlyModifiedBody {
	Parameter: { FromDate: string; ToDate: string };
	Paging: { PageIndex: number; PageSize: number };
	Sorting: { ColumnName: string; Direction: string };
}

const leadSquaredTime = (ms: number) => `${toLeadSquaredDate(new Date(ms))}.000`;

function lead(id: number, createdMs: number, modifiedMs: number) {
	const prospectId = `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`;
	return {
		LeadPropertyList: [
			{ Attribute: 'ProspectID', Value: prospectId },
			{ Attribute: 'FirstName', Value: `Lead ${id}` },
			{ Attribute: 'CreatedOn', Value: leadSquaredTime(createdMs) },
			{ Attribute: 'ModifiedOn', Value: leadSquaredTime(modifiedMs) },
		],
	};
}

/** Answers the next RecentlyModified calls with these pages, recording each request body. */
function recentlyModified(...pages: object[][]): RecentlyModifiedBody[] {
	const bodies: RecentlyModifiedBody[] = [];
	for (const leads of pages) {
		nock(API_BASE, V2_AUTH)
			.post('/v2/LeadManagement.svc/Leads.RecentlyModified', (body: RecentlyModifiedBody) => {
				bodies.push(body);
				return true;
			})
			.reply(200, { RecordCount: leads.length, Leads: leads });
	}
	return bodies;
}

const jsonOf = (result: Awaited<ReturnType<PollingTriggerHarness['poll']>>) =>
	result?.[0].map((item) => item.json) ?? null;

/** A trigger whose previous poll ended `agoMs` before now. */
function triggerPolledAgo(
	agoMs: number,
	parameters: IDataObject = { event: 'leadCreatedOrUpdated' },
) {
	const trigger = new PollingTriggerHarness(parameters);
	const lastPolledAt = Date.now() - agoMs;
	Object.assign(trigger.staticData, {
		lastPolledAt: new Date(lastPolledAt).toISOString(),
		seen: {},
	});
	return { trigger, lastPolledAt };
}

it('emits nothing on the first poll after activation and sends nothing; it only notes the time', async () => {
	const trigger = new PollingTriggerHarness({ event: 'leadCreatedOrUpdated' });
	const before = Date.now();

	expect(await trigger.poll()).toBeNull();

	const noted = Date.parse(trigger.staticData.lastPolledAt as string);
	expect(noted).toBeGreaterThanOrEqual(before);
	expect(noted).toBeLessThanOrEqual(Date.now());
	expect(trigger.staticData.startedAt).toBe(trigger.staticData.lastPolledAt);
});

it('does not reach back before activation with the overlap: leads changed just before it are not news', async () => {
	const trigger = new PollingTriggerHarness({ event: 'leadCreatedOrUpdated' });
	await trigger.poll();
	const activatedAt = Date.parse(trigger.staticData.startedAt as string);
	const bodies = recentlyModified([]);

	expect(await trigger.poll()).toBeNull();

	expect(bodies[0].Parameter.FromDate).toBe(toLeadSquaredDate(new Date(activatedAt)));
});

it('reads from the previous poll minus the overlap, oldest change first, and marks new and changed leads', async () => {
	const { trigger, lastPolledAt } = triggerPolledAgo(60_000);
	const created = lead(1, lastPolledAt + 1000, lastPolledAt + 2000);
	const changed = lead(2, lastPolledAt - 86_400_000, lastPolledAt + 3000);
	const bodies = recentlyModified([created, changed]);

	const items = jsonOf(await trigger.poll());

	expect(bodies).toEqual([
		{
			Parameter: {
				FromDate: toLeadSquaredDate(new Date(lastPolledAt - OVERLAP_MS)),
				ToDate: expect.any(String),
			},
			Paging: { PageIndex: 1, PageSize: 5000 },
			Sorting: { ColumnName: 'ModifiedOn', Direction: '0' },
		},
	]);
	expect(Date.parse(`${bodies[0].Parameter.ToDate}Z`)).toBeGreaterThan(lastPolledAt);
	expect(items).toEqual([
		{
			ProspectID: '00000000-0000-4000-8000-000000000001',
			FirstName: 'Lead 1',
			CreatedOn: new Date(lastPolledAt + 1000).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
			ModifiedOn: new Date(lastPolledAt + 2000).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
			ChangeType: 'created',
		},
		expect.objectContaining({
			ProspectID: '00000000-0000-4000-8000-000000000002',
			ChangeType: 'updated',
		}),
	]);
});

it('emits each change once across polls: repeats from the overlap are dropped, a new edit of the same lead is not', async () => {
	const { trigger, lastPolledAt } = triggerPolledAgo(60_000);
	const first = lead(1, lastPolledAt + 1000, lastPolledAt + 1000);
	const second = lead(2, lastPolledAt - 86_400_000, lastPolledAt + 2000);
	const firstEditedLater = lead(1, lastPolledAt + 1000, lastPolledAt + 30_000);

	recentlyModified([first, second]);
	const poll1 = jsonOf(await trigger.poll());
	recentlyModified([first, second]);
	const poll2 = await trigger.poll();
	recentlyModified([first, second, firstEditedLater]);
	const poll3 = jsonOf(await trigger.poll());

	expect(poll1?.map((item) => [item.FirstName, item.ChangeType])).toEqual([
		['Lead 1', 'created'],
		['Lead 2', 'updated'],
	]);
	expect(poll2).toBeNull();
	// Lead 1 was already reported as new; its later edit is an update.
	expect(poll3?.map((item) => [item.FirstName, item.ChangeType])).toEqual([['Lead 1', 'updated']]);
});

it('remembers a change made in the first second of the window as long as that second is read again', async () => {
	const { trigger } = triggerPolledAgo(60_000);
	const windowStart =
		Math.floor((Date.parse(trigger.staticData.lastPolledAt as string) - OVERLAP_MS) / 1000) * 1000;
	const early = lead(1, windowStart - 86_400_000, windowStart + 1);
	recentlyModified([early]);
	expect(jsonOf(await trigger.poll())).toHaveLength(1);

	// The next poll starts later, but say LeadSquared's second-granular range still returns it.
	Object.assign(trigger.staticData, {
		lastPolledAt: new Date(windowStart + OVERLAP_MS + 500).toISOString(),
	});
	recentlyModified([early]);
	expect(await trigger.poll()).toBeNull();
});

it('forgets emitted changes once they are older than the overlap, so the state stays small', async () => {
	const { trigger, lastPolledAt } = triggerPolledAgo(60_000);
	Object.assign(trigger.staticData, {
		seen: { 'old-lead|2020-01-01T00:00:00.000Z': '2020-01-01T00:00:00.000Z' },
	});
	recentlyModified([lead(1, lastPolledAt - 86_400_000, lastPolledAt + 1000)]);

	await trigger.poll();

	expect(Object.keys(trigger.staticData.seen as object)).toEqual([
		`00000000-0000-4000-8000-000000000001|${new Date(lastPolledAt + 1000).toISOString().replace(/\.\d{3}Z$/, '.000Z')}`,
	]);
});

it('reads past 5,000 leads by asking again from the last change read, without emitting the overlap twice', async () => {
	const { trigger, lastPolledAt } = triggerPolledAgo(60 * 60_000);
	const base = lastPolledAt - OVERLAP_MS + 1000;
	const firstPage = Array.from({ length: 5000 }, (_, index) =>
		lead(index + 1, base - 86_400_000, base + Math.floor(index / 10) * 1000),
	);
	const lastOfFirstPage = base + Math.floor(4999 / 10) * 1000;
	// The second read starts at the last change's second, so the last 10 leads come again.
	const secondPage = [
		...firstPage.slice(4990),
		lead(5001, base - 86_400_000, lastOfFirstPage + 1000),
		lead(5002, base - 86_400_000, lastOfFirstPage + 2000),
	];
	const bodies = recentlyModified(firstPage, secondPage);

	const items = jsonOf(await trigger.poll());

	expect(bodies.map((body) => [body.Parameter.FromDate, body.Paging])).toEqual([
		[toLeadSquaredDate(new Date(lastPolledAt - OVERLAP_MS)), { PageIndex: 1, PageSize: 5000 }],
		[toLeadSquaredDate(new Date(lastOfFirstPage)), { PageIndex: 1, PageSize: 5000 }],
	]);
	expect(items).toHaveLength(5002);
	expect(new Set(items?.map((item) => item.ProspectID)).size).toBe(5002);
});

it('turns to page numbers when more than 5,000 leads changed within the same second', async () => {
	const { trigger, lastPolledAt } = triggerPolledAgo(60_000);
	const second = lastPolledAt - OVERLAP_MS;
	const samePage = Array.from({ length: 5000 }, (_, index) =>
		lead(index + 1, second - 86_400_000, second),
	);
	const bodies = recentlyModified(samePage, [lead(5001, second - 86_400_000, second)]);

	const items = jsonOf(await trigger.poll());

	expect(bodies.map((body) => body.Paging.PageIndex)).toEqual([1, 2]);
	expect(bodies[1].Parameter.FromDate).toBe(bodies[0].Parameter.FromDate);
	expect(items).toHaveLength(5001);
});

it.each([
	['leadCreated', ['Lead 1']],
	['leadUpdated', ['Lead 2']],
])('with Event %s emits only those changes', async (event, names) => {
	const { trigger, lastPolledAt } = triggerPolledAgo(60_000, { event });
	recentlyModified([
		lead(1, lastPolledAt + 1000, lastPolledAt + 1000),
		lead(2, lastPolledAt - 86_400_000, lastPolledAt + 2000),
	]);

	const items = jsonOf(await trigger.poll());

	expect(items?.map((item) => item.FirstName)).toEqual(names);
});

it('shows the most recently modified lead in a manual test, without touching the cursor', async () => {
	const trigger = new PollingTriggerHarness({
		event: 'leadCreatedOrUpdated',
		options: { rawValues: true },
	});
	const bodies = recentlyModified([lead(7, Date.UTC(2024, 4, 1, 10), Date.UTC(2024, 4, 2, 11))]);

	const items = jsonOf(await trigger.poll('manual'));

	expect(bodies[0]).toMatchObject({
		Paging: { PageIndex: 1, PageSize: 1 },
		Sorting: { ColumnName: 'ModifiedOn', Direction: '1' },
	});
	expect(items).toEqual([
		{
			ProspectID: '00000000-0000-4000-8000-000000000007',
			FirstName: 'Lead 7',
			CreatedOn: '2024-05-01 10:00:00.000',
			ModifiedOn: '2024-05-02 11:00:00.000',
			ChangeType: 'updated',
		},
	]);
	expect(trigger.staticData).toEqual({});
});

it("marks the manual test's lead as created when it was never changed after creation", async () => {
	const trigger = new PollingTriggerHarness({ event: 'leadCreatedOrUpdated' });
	recentlyModified([lead(8, Date.UTC(2024, 4, 1, 10), Date.UTC(2024, 4, 1, 10))]);
	expect(jsonOf(await trigger.poll('manual'))?.[0].ChangeType).toBe('created');
});

it('answers a manual test on an account without leads with nothing', async () => {
	const trigger = new PollingTriggerHarness({ event: 'leadCreatedOrUpdated' });
	recentlyModified([]);
	expect(await trigger.poll('manual')).toBeNull();
});

it('keeps the cursor where it was when LeadSquared fails, so the next poll reads the same window again', async () => {
	const { trigger } = triggerPolledAgo(60_000);
	const before = { ...trigger.staticData };
	nock(API_BASE, V2_AUTH).post('/v2/LeadManagement.svc/Leads.RecentlyModified').reply(401, {
		Status: 'Error',
		ExceptionType: 'MXUnAuthorizedAccessException',
		ExceptionMessage: 'invalid access credentials',
	});
	nock(API_BASE).get('/v2/Authentication.svc/UserByAccessKey.Get').reply(401, {});

	await expect(trigger.poll()).rejects.toThrow();
	expect(trigger.staticData).toEqual(before);
});
