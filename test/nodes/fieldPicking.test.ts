/**
 * Lead fields people pick instead of typing schema names: the dropdowns and the field mapper
 * are filled from LeadsMetaData.Get, and the mapper's values become LeadSquared's request body.
 */
import nock from 'nock';

import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import { API_BASE, loadOptionsContext, runNode } from '../harness/engine';
import { useNock } from '../harness/http';

useNock();

const node = new LeadSquared();

const METADATA = [
	{ SchemaName: 'ProspectID', DisplayName: 'Lead Id', DataType: 'Text' },
	{ SchemaName: 'EmailAddress', DisplayName: 'Email', DataType: 'Email', IsLeadIdentifier: true },
	{ SchemaName: 'FirstName', DisplayName: 'First Name', DataType: 'Text', IsMandatory: true },
	{ SchemaName: 'Phone', DisplayName: 'Phone Number', DataType: 'Phone', IsLeadIdentifier: true },
	{ SchemaName: 'mx_Budget', DisplayName: 'Budget', DataType: 'Number' },
	{ SchemaName: 'mx_Date_Of_Birth', DisplayName: 'Date of Birth', DataType: 'Date' },
	{
		SchemaName: 'mx_Interested_In',
		DisplayName: 'Interested In',
		DataType: 'Select',
		RenderTypeTextValue: 'Dropdown',
		Options: [{ Value: 'Product A' }, { Value: 'Product B' }],
	},
	{ SchemaName: 'mx_KYC', DisplayName: 'KYC', DataType: 'CustomObject' },
];

function metadataReply(withOptionSets: boolean) {
	return nock(API_BASE)
		.get('/v2/LeadManagement.svc/LeadsMetaData.Get')
		.query(withOptionSets ? {} : { excludeOptionSets: '1' })
		.reply(200, METADATA);
}

it('lists lead fields by display name with the schema name as value, without custom field sets', async () => {
	metadataReply(false);

	const options = await node.methods.loadOptions.getLeadFields.call(
		loadOptionsContext({ operation: 'createOrUpdate' }),
	);

	expect(options.map((option) => [option.name, option.value])).toEqual([
		['Budget (mx_Budget)', 'mx_Budget'],
		['Date of Birth (mx_Date_Of_Birth)', 'mx_Date_Of_Birth'],
		['Email (EmailAddress)', 'EmailAddress'],
		['First Name (FirstName)', 'FirstName'],
		['Interested In (mx_Interested_In)', 'mx_Interested_In'],
		['Lead Id (ProspectID)', 'ProspectID'],
		['Phone Number (Phone)', 'Phone'],
	]);
	expect(options.find((option) => option.value === 'FirstName')?.description).toBe(
		'Text, mandatory',
	);
});

it('lists custom field sets separately', async () => {
	metadataReply(false);

	const options = await node.methods.loadOptions.getCustomFieldSets.call(
		loadOptionsContext({ operation: 'createOrUpdate' }),
	);

	expect(options).toEqual([{ name: 'KYC', value: 'mx_KYC' }]);
});

it('gives the mapper every writable field with its type, dropdown values and match candidates', async () => {
	metadataReply(true);

	const { fields } = await node.methods.resourceMapping.getLeadFieldMapping.call(
		loadOptionsContext({ operation: 'createOrUpdate' }),
	);

	expect(fields.map((field) => field.id)).toEqual([
		'mx_Budget',
		'mx_Date_Of_Birth',
		'EmailAddress',
		'FirstName',
		'mx_Interested_In',
		'Phone',
	]);
	const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
	expect(byId.mx_Budget.type).toBe('number');
	expect(byId.mx_Date_Of_Birth.type).toBe('dateTime');
	expect(byId.FirstName).toMatchObject({ type: 'string', required: true, canBeUsedToMatch: false });
	expect(byId.EmailAddress).toMatchObject({ canBeUsedToMatch: true, required: false });
	expect(byId.mx_Interested_In).toMatchObject({
		type: 'options',
		options: [
			{ name: 'Product A', value: 'Product A' },
			{ name: 'Product B', value: 'Product B' },
		],
	});
});

it('marks nothing mandatory when updating an existing lead', async () => {
	metadataReply(true);

	const { fields } = await node.methods.resourceMapping.getLeadFieldMapping.call(
		loadOptionsContext({ operation: 'update' }),
	);

	expect(fields.filter((field) => field.required)).toEqual([]);
});

describe('sending mapped fields', () => {
	const schema = METADATA.filter((field) => field.DataType !== 'CustomObject').map((field) => ({
		id: field.SchemaName,
		displayName: field.DisplayName,
		required: false,
		defaultMatch: false,
		display: true,
		type: 'string',
	}));

	it('sends the fields defined in the mapper and searches by the chosen match field', async () => {
		nock(API_BASE)
			.post('/v2/LeadManagement.svc/Lead.CreateOrUpdate', [
				{ Attribute: 'EmailAddress', Value: 'ana@example.com' },
				{ Attribute: 'FirstName', Value: 'Ana' },
				{ Attribute: 'mx_Budget', Value: '2500' },
				{ Attribute: 'SearchBy', Value: 'EmailAddress' },
			])
			.query(true)
			.reply(200, { Status: 'Success', Message: { Id: 'id-1', AffectedRows: 1 } });

		const { output, error } = await runNode({
			parameters: {
				resource: 'lead',
				operation: 'createOrUpdate',
				fieldsInput: 'mapper',
				columns: {
					mappingMode: 'defineBelow',
					value: {
						EmailAddress: '={{ $json.email }}',
						FirstName: '={{ $json.name }}',
						mx_Budget: 2500,
						Phone: null,
					},
					matchingColumns: ['EmailAddress'],
					schema,
				},
			},
			input: [{ email: 'ana@example.com', name: 'Ana' }],
		});

		expect(error).toBeUndefined();
		expect(output[0][0].json.leadId).toBe('id-1');
	});

	it('maps input properties named like lead fields automatically and leaves the rest out', async () => {
		nock(API_BASE)
			.post('/v2/LeadManagement.svc/Lead.Capture', [
				{ Attribute: 'EmailAddress', Value: 'raj@example.com' },
				{ Attribute: 'Phone', Value: '+91-9999999999' },
			])
			.reply(200, { Status: 'Success', Message: { Id: 'id-2', IsCreated: true } });

		const { error } = await runNode({
			parameters: {
				resource: 'lead',
				operation: 'capture',
				fieldsInput: 'mapper',
				columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema },
			},
			input: [
				{
					EmailAddress: 'raj@example.com',
					Phone: '+91-9999999999',
					internalNote: 'not a lead field',
				},
			],
		});

		expect(error).toBeUndefined();
	});

	it('rejects a match field whose value is not sent, before sending', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'lead',
				operation: 'createOrUpdate',
				fieldsInput: 'mapper',
				columns: {
					mappingMode: 'defineBelow',
					value: { FirstName: 'Ana' },
					matchingColumns: ['Phone'],
					schema,
				},
			},
		});

		expect(error?.message).toBe(
			'Search By (item 0): searches by Phone, but no Phone value is sent',
		);
	});
});
