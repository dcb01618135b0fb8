import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PageLimit } from '../../shared/transport';
import { invalidInput, requireGuid } from '../../shared/validation';

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
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** The "Options" collection every operation puts its optional settings in. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

export const leadIdField: INodeProperties = {
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 8e1f2c3a-1b2c-4d5e-8f90-0123456789ab',
	description: "The lead's ID (ProspectID), for example from a previous Create or Update step",
};

export function readLeadId(this: IExecuteFunctions, itemIndex: number): string {
	return requireGuid(
		this.getNode(),
		itemIndex,
		'Lead ID',
		this.getNodeParameter('leadId', itemIndex),
		'lead ID',
	);
}

export const leadIdsField: INodeProperties = {
	displayName: 'Lead IDs',
	name: 'leadIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 8e1f2c3a-…, 95e9618d-…',
	description: 'Lead IDs separated by commas, spaces or new lines, or a list from an expression',
};

/** The item's lead IDs, each checked, duplicates dropped; `max` is the most one call may carry. */
export function readLeadIds(this: IExecuteFunctions, itemIndex: number, max = Infinity): string[] {
	const raw = this.getNodeParameter('leadIds', itemIndex) as unknown;
	const parts = Array.isArray(raw) ? raw : String(raw ?? '').split(/[\s,;]+/);
	const leadIds = [
		...new Set(
			parts
				.filter((part) => !(typeof part === 'string' && part.trim() === ''))
				.map((part, position) =>
					requireGuid(this.getNode(), itemIndex, `Lead IDs, entry ${position}`, part, 'lead ID'),
				),
		),
	];
	if (leadIds.length === 0)
		throw invalidInput(this.getNode(), itemIndex, 'Lead IDs', 'no lead IDs given');
	if (leadIds.length > max) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Lead IDs',
			`${leadIds.length} lead IDs, more than the ${max} LeadSquared accepts at once`,
			'Split the IDs over several items, for example with the Loop Over Items node.',
		);
	}
	return leadIds;
}

/** Return All and Limit, as every n8n list operation offers them. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export function readPageLimit(this: IExecuteFunctions, itemIndex: number): PageLimit {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return { returnAll, limit: Infinity };
	const limit = this.getNodeParameter('limit', itemIndex, 50) as unknown;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Limit',
			`${JSON.stringify(limit)} is not a whole number of 1 or more`,
			'Set Limit to 1 or more, or turn on Return All.',
		);
	}
	return { returnAll, limit };
}

/** Options every read of records offers. */
export const rawValuesOption: INodeProperties = {
	displayName: 'Keep LeadSquared Date Formats',
	name: 'rawValues',
	type: 'boolean',
	default: false,
	description:
		'Whether to output date-times exactly as LeadSquared sends them (it uses three formats) instead of ISO 8601 in UTC',
};

export function readRawValues(this: IExecuteFunctions, itemIndex: number): boolean {
	return this.getNodeParameter('options.rawValues', itemIndex, false) as boolean;
}

/** Used by operations that queue a request with LeadSquared's async API. */
export function asyncNotice(kind: 'capture' | 'update'): INodeProperties {
	return {
		displayName: `LeadSquared queues the ${kind} and answers with a request ID. Connect a "LeadSquared Wait for Request" node to continue once it is done.`,
		name: 'asyncNotice',
		type: 'notice',
		default: '',
	};
}

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
					description:
						"Pick from your account's lead fields, or map input fields with the same names automatically",
				},
				{ name: 'Field List', value: 'list', description: 'Add field name and value pairs' },
				{
					name: 'JSON',
					value: 'json',
					description: 'Send fields from a JSON object or array, for example from an expression',
				},
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
						description:
							"The unique field that identifies an existing lead. Leave empty for LeadSquared's default (email address, then phone).",
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
		description:
			'Custom field sets (custom objects such as mx_KYC) and the values of their own fields',
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
						description: "The field set's own value; usually left empty",
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
		{
			name: 'Phone',
			value: 'Phone',
			description: 'Matches the stored phone text exactly, e.g. +91-9999999999',
		},
		{ name: 'Other Unique Field', value: 'other' },
	],
	default: 'default',
	description: 'Which field identifies an existing lead. It must be one of the fields sent.',
	displayOptions: { hide: { fieldsInput: ['mapper'] } },
};

const searchByOtherField: INodeProperties = {
	displayName: 'Search By Field Name or ID',
	name: 'searchByField',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUniqueLeadFields' },
	default: '',
	description:
		'One of your account\'s unique fields (admins mark them in LeadSquared under Settings > Customization > Lead Fields). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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

/**
 * A dropdown filled from the account (activity types, users, lists, ...). Like every n8n
 * dropdown with a load method it also takes an expression, so a workflow can pass a code or ID
 * from its data; the value is checked against the account before anything is sent.
 */
export function accountPicker(
	displayName: string,
	name: string,
	loadOptionsMethod: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		...extra,
	};
}

/** A lead given by its ID or, where LeadSquared has no ID at hand, by its email address. */
export const leadByFields: INodeProperties[] = [
	{
		displayName: 'Lead',
		name: 'leadBy',
		type: 'options',
		options: [
			{ name: 'By ID', value: 'id', description: "The lead's ID (ProspectID)" },
			{
				name: 'By Email Address',
				value: 'email',
				description:
					'The lead with this email address; LeadSquared creates the lead if none has it',
			},
		],
		default: 'id',
	},
	{ ...leadIdField, displayOptions: { show: { leadBy: ['id'] } } },
	{
		displayName: 'Lead Email Address',
		name: 'leadEmail',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { leadBy: ['email'] } },
	},
];

export const noteField: INodeProperties = {
	displayName: 'Note',
	name: 'note',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
};

/** A date-time field: n8n's date picker, an n8n DateTime or an ISO 8601 text from an expression. */
export function dateTimeField(
	displayName: string,
	name: string,
	description: string,
): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description };
}

/** The field mapper for an activity's or opportunity's own fields, listed from the chosen type. */
export function typeFieldsMapper(
	displayName: string,
	name: string,
	resourceMapperMethod: string,
	typeParameter: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: [typeParameter],
			resourceMapper: {
				resourceMapperMethod,
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
	};
}
