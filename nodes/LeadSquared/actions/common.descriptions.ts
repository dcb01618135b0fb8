import type { INodeProperties } from 'n8n-workflow';

/**
 * Field definitions shared by several operations. Each operation spreads the ones it needs and
 * `updateDisplayOptions` scopes them to that operation.
 */

/** A dropdown of the account's fields that also takes a schema name from an expression. */
export function fieldNamePicker(displayName: string, loadOptionsMethod: string): INodeProperties {
	return {
		displayName,
		name: 'attribute',
		type: 'options',
		typeOptions: { loadOptionsMethod },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** The "Options" collection every operation puts its optional settings in. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

export const leadIdField: INodeProperties = {
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 8e1f2c3a-1b2c-4d5e-8f90-0123456789ab',
	description: 'The lead\'s ID (ProspectID), for example from a previous Create or Update step',
};

/**
 * How the user enters lead fields: the resource mapper (fields listed from the account, for
 * most people), a list of name/value rows, or JSON (for power users and expressions).
 * `mapperMode` is `upsert` where a match field (LeadSquared's SearchBy) can be chosen.
 */
export function leadFieldsFields(mapperMode: 'upsert' | 'add'): INodeProperties[] {
	return [
		{
			displayName: 'Lead Fields Input',
			name: 'fieldsInput',
			type: 'options',
			options: [
				{
					name: 'Map Fields',
					value: 'mapper',
					description: 'Pick from your account\'s lead fields, or map input fields with the same names automatically',
				},
				{ name: 'Field List', value: 'list', description: 'Add field name and value pairs' },
				{ name: 'JSON', value: 'json', description: 'Send fields from a JSON object or array, for example from an expression' },
			],
			default: 'mapper',
		},
		{
			displayName: 'Lead Fields',
			name: 'columns',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			typeOptions: {
				loadOptionsDependsOn: ['operation'],
				resourceMapper: {
					resourceMapperMethod: 'getLeadFieldMapping',
					mode: mapperMode,
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: false,
					multiKeyMatch: false,
					supportAutoMap: true,
					matchingFieldsLabels: {
						title: 'Search By',
						description: 'The unique field that identifies an existing lead. Leave empty for LeadSquared\'s default (email address, then phone).',
						hint: 'Phone numbers match only when written exactly as stored, e.g. +91-9999999999',
					},
				},
			},
			displayOptions: { show: { fieldsInput: ['mapper'] } },
		},
		...listAndJsonFields,
	];
}

const listAndJsonFields: INodeProperties[] = [
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
					fieldNamePicker('Field Name or ID', 'getLeadFields'),
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
					fieldNamePicker('Field Set Name or ID', 'getCustomFieldSets'),
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
	displayOptions: { hide: { fieldsInput: ['mapper'] } },
};

export const searchByOtherField: INodeProperties = {
	displayName: 'Search By Field Name',
	name: 'searchByField',
	type: 'string',
	default: '',
	placeholder: 'e.g. mx_Customer_ID',
	description: 'Schema name of a field marked unique in LeadSquared',
	displayOptions: { show: { searchBy: ['other'] }, hide: { fieldsInput: ['mapper'] } },
};

/** Search By and, when "Other Unique Field" is chosen, its name. */
export const searchByFields: INodeProperties[] = [searchByField, searchByOtherField];

export const postUpdatedLeadOption: INodeProperties = {
	displayName: 'Trigger Lead Update Automations',
	name: 'postUpdatedLead',
	type: 'boolean',
	default: false,
	description:
		'Whether LeadSquared should run the automations, webhooks and notification rules that fire on "lead updated". LeadSquared skips them for API updates unless this is on.',
};
