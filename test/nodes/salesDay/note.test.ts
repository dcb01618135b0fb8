/** Note > Create and Get Many. */
import nock from 'nock';

import { API_BASE, runNode } from '../../harness/engine';
import { useNock } from '../../harness/http';
import { LEAD_ID, OTHER_LEAD_ID, v2 } from '../../harness/account';

useNock();

describe('Note > Create', () => {
	it('posts the lead and the note to CreateNote and outputs the note ID', async () => {
		v2()
			.post('/v2/LeadManagement.svc/CreateNote', {
				RelatedProspectId: LEAD_ID,
				Note: 'Called, wants a demo next week',
			})
			.reply(200, { Status: 'Success', Message: { Id: 'c1b2c3d4-0000-4000-8000-000000000001' } });

		const { output, error } = await runNode({
			parameters: {
				resource: 'note',
				operation: 'create',
				leadId: LEAD_ID,
				note: '={{ $json.text }}',
			},
			input: [{ text: 'Called, wants a demo next week' }],
		});

		expect(error).toBeUndefined();
		expect(output[0][0].json).toMatchObject({
			noteId: 'c1b2c3d4-0000-4000-8000-000000000001',
			leadId: LEAD_ID,
		});
	});

	it('with Continue On Fail pairs an error item with the item whose note was refused', async () => {
		v2()
			.post('/v2/LeadManagement.svc/CreateNote', (body) => body.RelatedProspectId === OTHER_LEAD_ID)
			.reply(500, {
				Status: 'Error',
				ExceptionType: 'MXInvalidEntityException',
				ExceptionMessage: 'Lead does not exist in the system',
			});
		v2()
			.post('/v2/LeadManagement.svc/CreateNote', (body) => body.RelatedProspectId === LEAD_ID)
			.reply(200, { Status: 'Success', Message: { Id: 'c1b2c3d4-0000-4000-8000-000000000002' } });

		const { output } = await runNode({
			parameters: {
				resource: 'note',
				operation: 'create',
				leadId: '={{ $json.id }}',
				note: 'Hello',
			},
			input: [{ id: OTHER_LEAD_ID }, { id: LEAD_ID }],
			continueOnFail: true,
		});

		expect(output[0].map((item) => [item.pairedItem, item.json.error ?? item.json.noteId])).toEqual(
			[
				[{ item: 0 }, 'Lead does not exist in the system'],
				[{ item: 1 }, 'c1b2c3d4-0000-4000-8000-000000000002'],
			],
		);
	});
});

describe('Note > Get Many', () => {
	it('pages with PageIndex/PageSize and stops at a short page', async () => {
		const pages: unknown[] = [];
		nock(API_BASE)
			.post('/v2/LeadManagement.svc/RetrieveNote', (body) => {
				pages.push(body);
				return true;
			})
			.query({ leadId: LEAD_ID })
			.times(2)
			.reply(200, (_uri, body) => {
				const { PageIndex } = (body as { Paging: { PageIndex: number } }).Paging;
				const count = PageIndex === 1 ? 100 : 7;
				return {
					RecordCount: 107,
					List: Array.from({ length: count }, (_, n) => ({
						ProspectNoteId: `n${PageIndex}-${n}`,
						Note: 'x',
						CreatedOn: '2026-03-01 09:00:00',
					})),
				};
			});

		const { output, error } = await runNode({
			parameters: { resource: 'note', operation: 'getMany', leadId: LEAD_ID, returnAll: true },
		});

		expect(error).toBeUndefined();
		expect(pages).toEqual([
			{ Paging: { PageIndex: 1, PageSize: 100 } },
			{ Paging: { PageIndex: 2, PageSize: 100 } },
		]);
		expect(output[0]).toHaveLength(107);
		expect(output[0][106].json.CreatedOn).toBe('2026-03-01T09:00:00.000Z');
	});
});
