/**
 * Activity > Create and Get Many through n8n's real engine: the request LeadSquared documents,
 * the type's own fields checked against the account, paging, errors and Continue On Fail.
 */
import nock from 'nock';

import { API_BASE, runNode } from '../../harness/engine';
import { useNock } from '../../harness/http';
import {
	LEAD_ID,
	OTHER_LEAD_ID,
	mapped,
	replyActivityTypes,
	replyWebinarSetting,
	v2,
} from '../../harness/account';

useNock();

const create = (parameters: Record<string, unknown>) => ({
	resource: 'activity',
	operation: 'create',
	leadBy: 'id',
	leadId: LEAD_ID,
	activityType: '201',
	activityFields: mapped({ mx_Custom_1: 'Spring launch', mx_Custom_2: 42 }),
	...parameters,
});

describe('Activity > Create', () => {
	it("posts the lead, type code, note, UTC date-time and the type's fields to ProspectActivity.svc/Create", async () => {
		replyActivityTypes();
		replyWebinarSetting();
		v2()
			.post('/v2/ProspectActivity.svc/Create', {
				RelatedProspectId: LEAD_ID,
				ActivityEvent: 201,
				ActivityNote: 'Stayed for the Q&A',
				ActivityDateTime: '2026-03-01 09:00:00',
				Fields: [
					{ SchemaName: 'mx_Custom_1', Value: 'Spring launch' },
					{ SchemaName: 'mx_Custom_2', Value: '42' },
					{ SchemaName: 'mx_Custom_3', Value: '2026-03-01 08:30:00' },
					{ SchemaName: 'mx_Custom_4', Value: 'Live' },
				],
			})
			.reply(200, { Status: 'Success', Message: { Id: 'a1b2c3d4-0000-4000-8000-000000000001' } });

		const { output, error } = await runNode({
			parameters: create({
				activityNote: 'Stayed for the Q&A',
				activityFields: mapped({
					mx_Custom_1: 'Spring launch',
					mx_Custom_2: 42,
					mx_Custom_3: '2026-03-01T14:00:00+05:30',
					mx_Custom_4: 'Live',
				}),
				options: { activityDateTime: '2026-03-01T09:00:00Z' },
			}),
		});

		expect(error).toBeUndefined();
		expect(output[0]).toEqual([
			{
				json: {
					activityId: 'a1b2c3d4-0000-4000-8000-000000000001',
					leadId: LEAD_ID,
					activityType: 'Webinar attended',
					response: { Status: 'Success', Message: { Id: 'a1b2c3d4-0000-4000-8000-000000000001' } },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends EmailAddress instead of RelatedProspectId for a lead given by email', async () => {
		replyActivityTypes();
		replyWebinarSetting();
		v2()
			.post(
				'/v2/ProspectActivity.svc/Create',
				(body) =>
					body.EmailAddress === 'ana@example.com' &&
					!('RelatedProspectId' in body) &&
					body.ActivityEvent === 201,
			)
			.reply(200, { Status: 'Success', Message: { Id: 'a1b2c3d4-0000-4000-8000-000000000002' } });

		const { output, error } = await runNode({
			parameters: create({ leadBy: 'email', leadEmail: '={{ $json.email }}' }),
			input: [{ email: ' ana@example.com ' }],
		});

		expect(error).toBeUndefined();
		expect(output[0][0].json).toMatchObject({
			activityId: 'a1b2c3d4-0000-4000-8000-000000000002',
			leadEmail: 'ana@example.com',
		});
	});

	it("reads the account's types once for many items, and accepts a type name from an expression", async () => {
		replyActivityTypes();
		replyWebinarSetting();
		v2()
			.post('/v2/ProspectActivity.svc/Create')
			.times(3)
			.reply(200, { Status: 'Success', Message: { Id: 'a1b2c3d4-0000-4000-8000-000000000003' } });

		const { output, error } = await runNode({
			parameters: create({ activityType: '={{ $json.type }}' }),
			input: [{ type: 'Webinar attended' }, { type: '201' }, { type: 'webinar ATTENDED' }],
		});

		expect(error).toBeUndefined();
		expect(output[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('with Continue On Fail gives one error item for the lead LeadSquared does not know, and results for the others', async () => {
		replyActivityTypes();
		replyWebinarSetting();
		v2()
			.post('/v2/ProspectActivity.svc/Create', (body) => body.RelatedProspectId === OTHER_LEAD_ID)
			.reply(500, {
				Status: 'Error',
				ExceptionType: 'MXInvalidEntityException',
				ExceptionMessage: 'Lead does not exist in the system',
			});
		v2()
			.post('/v2/ProspectActivity.svc/Create', (body) => body.RelatedProspectId === LEAD_ID)
			.times(2)
			.reply(200, { Status: 'Success', Message: { Id: 'a1b2c3d4-0000-4000-8000-000000000004' } });

		const { output } = await runNode({
			parameters: create({ leadId: '={{ $json.id }}' }),
			input: [{ id: LEAD_ID }, { id: OTHER_LEAD_ID }, { id: LEAD_ID }],
			continueOnFail: true,
		});

		expect(output[0]).toHaveLength(3);
		expect(output[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(output[0][1].json.error).toBe('Lead does not exist in the system');
		expect(output[0][0].json.activityId).toBe('a1b2c3d4-0000-4000-8000-000000000004');
	});
});

describe('Activity > Get Many', () => {
	const activity = (n: number) => ({
		Id: `act-${n}`,
		EventCode: 201,
		EventName: 'Webinar attended',
		CreatedOn: '2026-03-01 09:00:00',
		ActivityDateTime: '2026-03-01 09:00:00',
		RelatedProspectId: LEAD_ID,
		Data: [
			{ Key: 'mx_Custom_1', Value: 'Spring launch' },
			{ Key: 'mx_Custom_3', Value: '2026-02-28 10:15:00' },
		],
	});

	it('pages with Offset/RowCount until the reported total, filtered by type, dates as ISO 8601', async () => {
		replyActivityTypes();
		const seen: unknown[] = [];
		nock(API_BASE)
			.post('/v2/ProspectActivity.svc/Retrieve', (body) => {
				seen.push(body);
				return true;
			})
			.query({ leadId: LEAD_ID })
			.times(2)
			.reply(200, (_uri, body) => {
				const { Offset } = (body as { Paging: { Offset: number } }).Paging;
				const records =
					Offset === 0
						? Array.from({ length: 100 }, (_, n) => activity(n))
						: [activity(100), activity(101)];
				return { RecordCount: 102, ProspectActivities: records };
			});

		const { output, error } = await runNode({
			parameters: {
				resource: 'activity',
				operation: 'getMany',
				leadId: LEAD_ID,
				activityType: '201',
				returnAll: true,
			},
		});

		expect(error).toBeUndefined();
		expect(seen).toEqual([
			{ Parameter: { ActivityEvent: 201 }, Paging: { Offset: 0, RowCount: 100 } },
			{ Parameter: { ActivityEvent: 201 }, Paging: { Offset: 100, RowCount: 100 } },
		]);
		expect(output[0]).toHaveLength(102);
		expect(output[0][0].json).toEqual({
			Id: 'act-0',
			EventCode: 201,
			EventName: 'Webinar attended',
			CreatedOn: '2026-03-01T09:00:00.000Z',
			ActivityDateTime: '2026-03-01T09:00:00.000Z',
			RelatedProspectId: LEAD_ID,
			mx_Custom_1: 'Spring launch',
			mx_Custom_3: '2026-02-28T10:15:00.000Z',
		});
		expect(output[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('asks for no more than Limit, and without a type filter reads no activity types', async () => {
		nock(API_BASE)
			.post('/v2/ProspectActivity.svc/Retrieve', { Paging: { Offset: 0, RowCount: 5 } })
			.query({ leadId: LEAD_ID })
			.reply(200, {
				RecordCount: 30,
				ProspectActivities: Array.from({ length: 5 }, (_, n) => activity(n)),
			});

		const { output } = await runNode({
			parameters: {
				resource: 'activity',
				operation: 'getMany',
				leadId: LEAD_ID,
				activityType: '',
				limit: 5,
			},
		});

		expect(output[0]).toHaveLength(5);
	});

	it('outputs nothing for a lead without activities', async () => {
		nock(API_BASE)
			.post('/v2/ProspectActivity.svc/Retrieve')
			.query(true)
			.reply(200, { RecordCount: 0, ProspectActivities: [] });

		const { output, error } = await runNode({
			parameters: { resource: 'activity', operation: 'getMany', leadId: LEAD_ID, returnAll: true },
		});

		expect(error).toBeUndefined();
		expect(output[0]).toEqual([]);
	});
});
