/**
 * Search By "Other Unique Field": the dropdown offers the account's unique fields, and a name
 * that is not unique (typed, or from an expression) is refused before anything is sent.
 */
import nock from 'nock';

import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import { API_BASE, loadOptionsContext, runNode } from '../harness/engine';
import { useNock } from '../harness/http';

useNock();

const METADATA = [
	{ SchemaName: 'EmailAddress', DisplayName: 'Email', DataType: 'Email', IsLeadIdentifier: true },
	{ SchemaName: 'FirstName', DisplayName: 'First Name', DataType: 'Text', IsLeadIdentifier: false },
	{
		SchemaName: 'mx_Customer_ID',
		DisplayName: 'Customer ID',
		DataType: 'Text',
		IsLeadIdentifier: true,
	},
	// Some accounts leave the flag out on phone; it is unique by default.
	{ SchemaName: 'Phone', DisplayName: 'Phone Number', DataType: 'Phone' },
	{ SchemaName: 'mx_City', DisplayName: 'City', DataType: 'Text' },
];

const metadataReply = () =>
	nock(API_BASE)
		.get('/v2/LeadManagement.svc/LeadsMetaData.Get')
		.query({ excludeOptionSets: '1' })
		.reply(200, METADATA);

function captureBy(searchByField: string, fields: Array<[string, string]>) {
	return {
		resource: 'lead',
		operation: 'capture',
		fieldsInput: 'list',
		leadFields: { fields: fields.map(([attribute, value]) => ({ attribute, value })) },
		searchBy: 'other',
		searchByField,
	};
}

it("offers only the account's unique fields", async () => {
	metadataReply();

	const options = await new LeadSquared().methods.loadOptions.getUniqueLeadFields.call(
		loadOptionsContext({ operation: 'capture' }),
	);

	expect(options.map((option) => option.value)).toEqual([
		'mx_Customer_ID',
		'EmailAddress',
		'Phone',
	]);
	expect(options[0].name).toBe('Customer ID (mx_Customer_ID)');
});

it('searches by a unique field: SearchBy goes last in the body', async () => {
	metadataReply();
	nock(API_BASE)
		.post('/v2/LeadManagement.svc/Lead.Capture', [
			{ Attribute: 'mx_Customer_ID', Value: 'C-42' },
			{ Attribute: 'FirstName', Value: 'Ana' },
			{ Attribute: 'SearchBy', Value: 'mx_Customer_ID' },
		])
		.reply(200, {
			Status: 'Success',
			Message: { Id: '11111111-1111-4111-8111-111111111111', IsCreated: false },
		});

	const { error, output } = await runNode({
		parameters: captureBy('mx_Customer_ID', [
			['mx_Customer_ID', 'C-42'],
			['FirstName', 'Ana'],
		]),
	});

	expect(error).toBeUndefined();
	expect(output[0][0].json).toMatchObject({
		leadId: '11111111-1111-4111-8111-111111111111',
		created: false,
	});
});

it('refuses a field that is not unique, before sending the lead', async () => {
	metadataReply();

	const { error } = await runNode({
		parameters: captureBy('mx_City', [
			['mx_City', 'Pune'],
			['EmailAddress', 'a@b.co'],
		]),
	});

	expect(error?.message).toBe(
		'Search By Field Name or ID (item 0): mx_City is not a unique field in this LeadSquared account',
	);
	expect(error?.description).toContain('mx_Customer_ID, EmailAddress, Phone');
});

it('refuses a name that is not a lead field at all', async () => {
	metadataReply();

	const { error } = await runNode({
		parameters: captureBy('mx_Custmer_ID', [['EmailAddress', 'a@b.co']]),
	});

	expect(error?.message).toBe(
		'Search By Field Name or ID (item 0): mx_Custmer_ID is not a lead field in this LeadSquared account',
	);
});

it("with Continue On Fail, checks each item's field from an expression, reading the fields once", async () => {
	metadataReply();
	nock(API_BASE)
		.post('/v2/LeadManagement.svc/Lead.Capture', (body) =>
			JSON.stringify(body).includes('"SearchBy"'),
		)
		.reply(200, {
			Status: 'Success',
			Message: { Id: '11111111-1111-4111-8111-111111111111', IsCreated: true },
		});

	const { output } = await runNode({
		parameters: captureBy('={{ $json.key }}', [
			['mx_Customer_ID', 'C-7'],
			['mx_City', 'Pune'],
		]),
		input: [{ key: 'mx_City' }, { key: 'mx_Customer_ID' }],
		continueOnFail: true,
	});

	expect(output[0].map((item) => [item.pairedItem, item.json.error ?? item.json.leadId])).toEqual([
		[
			{ item: 0 },
			'Search By Field Name or ID (item 0): mx_City is not a unique field in this LeadSquared account',
		],
		[{ item: 1 }, '11111111-1111-4111-8111-111111111111'],
	]);
});

it('applies the same check to Create or Update', async () => {
	metadataReply();

	const { error } = await runNode({
		parameters: {
			...captureBy('FirstName', [
				['FirstName', 'Ana'],
				['EmailAddress', 'a@b.co'],
			]),
			operation: 'createOrUpdate',
		},
	});

	expect(error?.message).toBe(
		'Search By Field Name or ID (item 0): FirstName is not a unique field in this LeadSquared account',
	);
});
