/** Opportunity > Capture and Get Many, with LeadSquared's duplicate detection made readable. */
import nock from 'nock';

import { API_BASE, runNode } from '../../harness/engine';
import { useNock } from '../../harness/http';
import { LEAD_ID, mapped, replyOpportunityTypes, v2 } from '../../harness/account';

useNock();

const capture = (parameters: Record<string, unknown> = {}) => ({
	resource: 'opportunity',
	operation: 'capture',
	fieldsInput: 'list',
	leadFields: {
		fields: [
			{ attribute: 'EmailAddress', value: 'ana@example.com' },
			{ attribute: 'FirstName', value: 'Ana' },
		],
	},
	searchBy: 'EmailAddress',
	opportunityType: '12000',
	opportunityFields: mapped({ mx_Custom_1: 'MBA 2026', mx_Custom_2: 250000, Status: 'Open' }),
	opportunityNote: 'From the webinar',
	...parameters,
});

const answer = (created: boolean) => ({
	Status: 'Success',
	RequestId: 'r1',
	PrimaryAction: 2,
	SecondaryAction: created ? 1 : 3,
	RelatedProspectId: LEAD_ID,
	IsUnique: created,
	CreatedOpportunityId: created ? 'd1b2c3d4-0000-4000-8000-000000000001' : null,
	ConflictedOpportunityId: created ? null : 'd1b2c3d4-0000-4000-8000-000000000009',
	AdditionalDetails: [{ ActivityId: 'e1', PostDeDupActionPerformed: created ? 1 : 3 }],
});

describe('Opportunity > Capture', () => {
	it('posts the lead details with SearchBy and the opportunity with its fields, and says it was created', async () => {
		replyOpportunityTypes();
		v2()
			.post('/v2/OpportunityManagement.svc/Capture', {
				LeadDetails: [
					{ Attribute: 'EmailAddress', Value: 'ana@example.com' },
					{ Attribute: 'FirstName', Value: 'Ana' },
					{ Attribute: 'SearchBy', Value: 'EmailAddress' },
				],
				Opportunity: {
					OpportunityEventCode: 12000,
					OpportunityNote: 'From the webinar',
					Fields: [
						{ SchemaName: 'mx_Custom_1', Value: 'MBA 2026' },
						{ SchemaName: 'mx_Custom_2', Value: '250000' },
						{ SchemaName: 'Status', Value: 'Open' },
					],
				},
			})
			.reply(200, answer(true));

		const { output, error } = await runNode({ parameters: capture() });

		expect(error).toBeUndefined();
		expect(output[0][0].json).toMatchObject({
			opportunityId: 'd1b2c3d4-0000-4000-8000-000000000001',
			leadId: LEAD_ID,
			duplicateCheck: 'created',
			isNew: true,
			activityId: 'e1',
		});
	});

	it("reports a duplicate LeadSquared found, with the existing opportunity's ID", async () => {
		replyOpportunityTypes();
		v2().post('/v2/OpportunityManagement.svc/Capture').reply(200, answer(false));

		const { output } = await runNode({ parameters: capture() });

		expect(output[0][0].json).toMatchObject({
			opportunityId: 'd1b2c3d4-0000-4000-8000-000000000009',
			duplicateCheck: 'duplicate found, existing opportunity kept',
			isNew: false,
		});
	});
});

describe('Opportunity > Get Many', () => {
	it("asks for one type's opportunities of the lead, page by page", async () => {
		replyOpportunityTypes();
		nock(API_BASE)
			.post('/v2/OpportunityManagement.svc/GetOpportunitiesOfLead', {
				Paging: { PageIndex: 1, PageSize: 10 },
			})
			.query({ leadId: LEAD_ID, opportunityType: '12000' })
			.reply(200, {
				RecordCount: 1,
				List: [
					{
						OpportunityId: 'o1',
						OpportunityEvent: '12000',
						mx_Custom_1: 'MBA 2026',
						CreatedOn: '4/6/2026 3:23:45 PM',
					},
				],
			});

		const { output, error } = await runNode({
			parameters: {
				resource: 'opportunity',
				operation: 'getMany',
				leadId: LEAD_ID,
				opportunityType: 'Admission',
				limit: 10,
			},
		});

		expect(error).toBeUndefined();
		expect(output[0].map((item) => item.json)).toEqual([
			{
				OpportunityId: 'o1',
				OpportunityEvent: '12000',
				mx_Custom_1: 'MBA 2026',
				CreatedOn: '2026-04-06T15:23:45.000Z',
			},
		]);
	});
});

describe('Opportunity > Capture in an account that does not list its opportunity types', () => {
	const typesNotFound = () =>
		v2().get('/v2/OpportunityManagement.svc/GetOpportunityTypes').reply(404, 'Not Found');

	it('takes the type code as given and sends the fields unchecked', async () => {
		typesNotFound();
		v2()
			.post(
				'/v2/OpportunityManagement.svc/Capture',
				(body) =>
					body.Opportunity.OpportunityEventCode === 12002 &&
					JSON.stringify(body.Opportunity.Fields) ===
						JSON.stringify([{ SchemaName: 'mx_Custom_7', Value: 'Gold' }]),
			)
			.reply(200, answer(true));

		const { output, error } = await runNode({
			parameters: capture({
				opportunityType: '12002',
				opportunityFields: mapped({ mx_Custom_7: 'Gold' }),
			}),
		});

		expect(error).toBeUndefined();
		expect(output[0][0].json.duplicateCheck).toBe('created');
	});

	it('refuses a type name, since there is no list to look it up in, before sending', async () => {
		typesNotFound();

		const { error } = await runNode({ parameters: capture({ opportunityType: 'Admission' }) });

		expect(error?.message).toBe(
			'Opportunity Type (item 0): "Admission" is not an opportunity type code',
		);
	});
});
