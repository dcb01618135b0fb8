import type { INodeProperties } from 'n8n-workflow';

/**
 * Field definitions shared by several operations. Each operation spreads the ones it needs and
 * `updateDisplayOptions` scopes them to that operation.
 */

export const leadIdField: INodeProperties = {
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 8e1f2c3a-1b2c-4d5e-8f90-0123456789ab',
	description: 'The lead\'s ID (ProspectID), for example from a previous Create or Update step',
};

export const leadFieldsFields: INodeProperties[] = [
	{
		displayName: 'Lead Fields Input',
		name: 'fieldsInput',
		type: 'options',
		options: [
			{ name: 'Define Below', value: 'list', description: 'Pick each field and its value' },
			{ name: 'JSON', value: 'json', description: 'Send fields from a JSON object or array, for example from an expression' },
		],
		default: 'list',
	},
	{
		displayName: 'Lead Fields',
		name: 'leadFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { fieldsInput: ['list'] } },
		options: [
			{
				displayName: 'Field',
				name: 'fields',
				values: [
					{
						displayName: 'Field Name',
						name: 'attribute',
						type: 'string',
						default: '',
						placeholder: 'e.g. EmailAddress or mx_City',
						description: 'The field\'s schema name in LeadSquared. Custom fields start with mx_.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value to store. Leave empty to clear the field.',
					},
				],
			},
		],
	},
	{
		displayName: 'Custom Field Sets',
		name: 'customFieldSets',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field Set',
		default: {},
		displayOptions: { show: { fieldsInput: ['list'] } },
		description: 'Custom field sets (custom objects such as mx_KYC) and the values of their own fields',
		options: [
			{
				displayName: 'Custom Field Set',
				name: 'sets',
				values: [
					{
						displayName: 'Field Set Name',
						name: 'attribute',
						type: 'string',
						default: '',
						placeholder: 'e.g. mx_KYC',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The field set\'s own value; usually left empty',
					},
					{
						displayName: 'Fields',
						name: 'fields',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Field',
						default: {},
						options: [
							{
								displayName: 'Field',
								name: 'field',
								values: [
									{
										displayName: 'Field Name',
										name: 'attribute',
										type: 'string',
										default: '',
										placeholder: 'e.g. Status or mx_CustomObject_1',
									},
									{ displayName: 'Value', name: 'value', type: 'string', default: '' },
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Lead Fields (JSON)',
		name: 'leadFieldsJson',
		type: 'json',
		default: '{\n  "FirstName": "John",\n  "EmailAddress": "john@example.com"\n}',
		displayOptions: { show: { fieldsInput: ['json'] } },
		description:
			'Either an object of schema name to value, e.g. {"FirstName": "John", "mx_City": "Pune"}, or LeadSquared\'s own array of {"Attribute", "Value"} (with "Fields" for custom field sets)',
	},
];

export const searchByField: INodeProperties = {
	displayName: 'Search By',
	name: 'searchBy',
	type: 'options',
	options: [
		{
			name: 'LeadSquared Default (Email, Then Phone)',
			value: 'default',
			description: 'Let LeadSquared match on email address, then phone',
		},
		{ name: 'Email Address', value: 'EmailAddress' },
		{ name: 'Phone', value: 'Phone', description: 'Matches the stored phone text exactly, e.g. +91-9999999999' },
		{ name: 'Other Unique Field', value: 'other' },
	],
	default: 'default',
	description: 'Which field identifies an existing lead. It must be one of the fields sent.',
};

export const searchByOtherField: INodeProperties = {
	displayName: 'Search By Field Name',
	name: 'searchByField',
	type: 'string',
	default: '',
	placeholder: 'e.g. mx_Customer_ID',
	description: 'Schema name of a field marked unique in LeadSquared',
	displayOptions: { show: { searchBy: ['other'] } },
};

export const postUpdatedLeadOption: INodeProperties = {
	displayName: 'Trigger Lead Update Automations',
	name: 'postUpdatedLead',
	type: 'boolean',
	default: false,
	description:
		'Whether LeadSquared should run the automations, webhooks and notification rules that fire on "lead updated". LeadSquared skips them for API updates unless this is on.',
};
