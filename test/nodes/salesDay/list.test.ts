/** List > Get Many, Add Leads (split into calls) and Remove Lead. */
import nock from 'nock';

import { ADD_LEADS_CHUNK } from '../../../nodes/LeadSquared/actions/list/addLeads.operation';
import { API_BASE, runNode } from '../../harness/engine';
import { useNock } from '../../harness/http';
import { LEAD_ID, WEBINAR_LIST, v2 } from '../../harness/account';

useNock();

const ids = (count: number) =>
	Array.from({ length: count }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);

describe('List > Get Many', () => {
	it('passes the type and search text and pages by PageIndex', async () => {
		nock(API_BASE)
			.get('/v2/LeadSegmentation.svc/Lists.Get')
			.query({ ListType: '0', SearchText: 'webinar', PageIndex: '1', PageSize: '100' })
			.reply(200, [
				{ ListId: WEBINAR_LIST, ListName: 'Webinar invitees', ListType: 'static', MemberCount: 3 },
			]);

		const { output, error } = await runNode({
			parameters: {
				resource: 'list',
				operation: 'getMany',
				returnAll: true,
				options: { listType: '0', searchText: 'webinar' },
			},
		});

		expect(error).toBeUndefined();
		expect(output[0].map((item) => item.json)).toEqual([
			{ ListId: WEBINAR_LIST, ListName: 'Webinar invitees', ListType: 'static', MemberCount: 3 },
		]);
	});
});

describe('List > Add Leads', () => {
	it(`sends ${ADD_LEADS_CHUNK * 2 + 5} lead IDs in calls of at most ${ADD_LEADS_CHUNK}`, async () => {
		const all = ids(ADD_LEADS_CHUNK * 2 + 5);
		const sent: string[][] = [];
		v2()
			.post('/v2/LeadSegmentation.svc/AddLeadsToStaticList', (body) => {
				sent.push(body.leadIds);
				return body.listId === WEBINAR_LIST;
			})
			.times(3)
			.reply(200, {
				Status: 'Success',
				Message: { Message: 'Successfully added lead(s) to list' },
			});

		const { output, error } = await runNode({
			parameters: {
				resource: 'list',
				operation: 'addLeads',
				listId: WEBINAR_LIST,
				leadIds: '={{ $json.ids }}',
			},
			input: [{ ids: all }],
		});

		expect(error).toBeUndefined();
		expect(sent.map((chunk) => chunk.length)).toEqual([ADD_LEADS_CHUNK, ADD_LEADS_CHUNK, 5]);
		expect(sent.flat()).toEqual(all);
		expect(output[0][0].json).toMatchObject({
			listId: WEBINAR_LIST,
			leadsSent: all.length,
			calls: 3,
		});
	});

	it('says which leads were already added when a later call fails, and sends nothing after it', async () => {
		const all = ids(ADD_LEADS_CHUNK * 2 + 5);
		v2().post('/v2/LeadSegmentation.svc/AddLeadsToStaticList').reply(200, { Status: 'Success' });
		v2().post('/v2/LeadSegmentation.svc/AddLeadsToStaticList').reply(500, {
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: 'Maximum leads can be added to a list at a time',
		});

		const { error } = await runNode({
			parameters: {
				resource: 'list',
				operation: 'addLeads',
				listId: WEBINAR_LIST,
				leadIds: '={{ $json.ids }}',
			},
			input: [{ ids: all }],
		});

		expect(error?.message).toBe('Maximum leads can be added to a list at a time');
		expect(error?.description).toContain(
			`Leads 1 to ${ADD_LEADS_CHUNK} of ${all.length} were added before this call failed`,
		);
	});
});

describe('List > Remove Lead', () => {
	it('calls RemoveLeadFromStaticList with the list and lead, once', async () => {
		v2()
			.get('/v2/LeadSegmentation.svc/RemoveLeadFromStaticList')
			.query({ ListId: WEBINAR_LIST, LeadID: LEAD_ID })
			.reply(200, {
				Status: 'Success',
				Message: { Message: 'Successfully removed lead from list' },
			});

		const { output, error } = await runNode({
			parameters: {
				resource: 'list',
				operation: 'removeLead',
				listId: WEBINAR_LIST,
				leadId: LEAD_ID,
			},
		});

		expect(error).toBeUndefined();
		expect(output[0][0].json).toMatchObject({ listId: WEBINAR_LIST, leadId: LEAD_ID });
	});
});
