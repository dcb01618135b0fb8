import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseUserDate, toLeadSquaredDate } from '../../../shared/dates';
import {
	leadSquaredRequestPages,
	type ListRequest,
	type PageLimit,
} from '../../../shared/transport';
import { invalidInput } from '../../../shared/validation';
import { leadFields, type LeadFieldDescriptor } from '../../methods/leadMetadata';
import {
	fieldNamePicker,
	optionsCollection,
	readPageLimit,
	returnAllFields,
} from '../common.descriptions';
import { defineOperation } from '../define';
import { leadItems, leadPages, leadReadOptions, readLeadRead, type LeadRead } from './leadReads';

/** How each operator is sent: LeadSquared's SqlOperator, and the value pattern for LIKE. */
const OPERATORS: Record<
	string,
	{ sql: string; pattern?: (value: string) => string; fits: FieldKind[] }
> = {
	equals: { sql: '=', fits: ['text', 'number', 'date', 'other'] },
	notEquals: { sql: '<>', fits: ['text', 'number', 'date', 'other'] },
	contains: { sql: 'LIKE', pattern: (value) => `%${value}%`, fits: ['text', 'other'] },
	startsWith: { sql: 'LIKE', pattern: (value) => `${value}%`, fits: ['text', 'other'] },
	greaterThan: { sql: '>', fits: ['number', 'date', 'other'] },
	greaterOrEqual: { sql: '>=', fits: ['number', 'date', 'other'] },
	lessThan: { sql: '<', fits: ['number', 'date', 'other'] },
	lessOrEqual: { sql: '<=', fits: ['number', 'date', 'other'] },
};

type FieldKind = 'text' | 'number' | 'date' | 'other';

const FIELD_KINDS: Record<string, FieldKind> = {
	Text: 'text',
	Email: 'text',
	Phone: 'text',
	Website: 'text',
	Select: 'text',
	Textarea: 'text',
	Number: 'number',
	Decimal: 'number',
	Date: 'date',
	DateTime: 'date',
};

/** LeadSquared accepts up to 1000 leads per Leads.Get call. */
const MAX_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		...fieldNamePicker('Field Name or ID', 'getLeadFields'),
		required: true,
		description:
			'The lead field to search, custom mx_ fields included. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Operator',
		name: 'operator',
		type: 'options',
		options: [
			{ name: 'Contains', value: 'contains', description: 'Text fields only' },
			{ name: 'Equals', value: 'equals' },
			{ name: 'Greater Than', value: 'greaterThan', description: 'Number and date fields' },
			{
				name: 'Greater Than or Equal',
				value: 'greaterOrEqual',
				description: 'Number and date fields',
			},
			{ name: 'Less Than', value: 'lessThan', description: 'Number and date fields' },
			{ name: 'Less Than or Equal', value: 'lessOrEqual', description: 'Number and date fields' },
			{ name: 'Not Equals', value: 'notEquals' },
			{ name: 'Starts With', value: 'startsWith', description: 'Text fields only' },
		],
		default: 'equals',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description:
			'For date fields, an ISO date such as 2026-01-31 or 2026-01-31T09:30:00Z, or an n8n date; times are UTC',
	},
	...returnAllFields,
	optionsCollection([
		...leadReadOptions,
		{
			...fieldNamePicker('Sort By Name or ID', 'getLeadFields'),
			name: 'sortBy',
			description:
				'The field to sort by; by default leads come in the order they were created, which keeps pages stable. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Sort Direction',
			name: 'sortDirection',
			type: 'options',
			options: [
				{ name: 'Ascending', value: '0' },
				{ name: 'Descending', value: '1' },
			],
			default: '0',
		},
	]),
];

interface Search extends LeadRead {
	list: ListRequest;
	want: PageLimit;
}

async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Search> {
	const fields = await leadFields.call(this, { withOptionSets: false });
	const field = knownField.call(
		this,
		itemIndex,
		fields,
		'Field Name',
		this.getNodeParameter('attribute', itemIndex),
	);
	const operatorName = this.getNodeParameter('operator', itemIndex) as string;
	const operator = OPERATORS[operatorName];
	const kind = FIELD_KINDS[field.DataType ?? ''] ?? 'other';
	if (!operator?.fits.includes(kind)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Operator',
			`"${operatorName}" does not fit ${field.SchemaName}, a ${field.DataType} field`,
			kind === 'text'
				? 'Text fields take Equals, Not Equals, Contains or Starts With.'
				: 'Use Equals, Not Equals, Greater Than or Less Than on number and date fields.',
		);
	}
	const value = lookupValue.call(this, itemIndex, kind);
	const sortName = this.getNodeParameter('options.sortBy', itemIndex, '') as string;
	const sortBy = sortName
		? knownField.call(this, itemIndex, fields, 'Sort By', sortName).SchemaName
		: 'CreatedOn';
	const direction = this.getNodeParameter('options.sortDirection', itemIndex, '0') as string;
	const read = readLeadRead.call(this, itemIndex);
	return {
		...read,
		want: readPageLimit.call(this, itemIndex),
		list: leadPages(
			'Leads.Get',
			MAX_PAGE_SIZE,
			{
				Parameter: {
					LookupName: field.SchemaName,
					LookupValue: operator.pattern ? operator.pattern(value) : value,
					SqlOperator: operator.sql,
				},
				Sorting: { ColumnName: sortBy, Direction: direction },
			},
			read,
		),
	};
}

async function execute(this: IExecuteFunctions, search: Search, itemIndex: number) {
	return leadItems(
		await leadSquaredRequestPages.call(this, search.list, search.want, itemIndex),
		search,
	);
}

function knownField(
	this: IExecuteFunctions,
	itemIndex: number,
	fields: LeadFieldDescriptor[],
	label: string,
	name: unknown,
) {
	const wanted = typeof name === 'string' ? name.trim() : '';
	if (wanted === '')
		throw invalidInput(
			this.getNode(),
			itemIndex,
			label,
			'is empty',
			'Choose a lead field from the list.',
		);
	const field = fields.find(
		(candidate) => candidate.SchemaName.toLowerCase() === wanted.toLowerCase(),
	);
	if (!field) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			label,
			`"${wanted}" is not a lead field of this account`,
			'Choose the field from the list, or use its schema name, e.g. mx_City.',
		);
	}
	return field;
}

/** Numbers must be numbers and dates dates, or LeadSquared compares them as text and finds nothing. */
function lookupValue(this: IExecuteFunctions, itemIndex: number, kind: FieldKind): string {
	const raw = this.getNodeParameter('value', itemIndex, '') as unknown;
	if (kind === 'date') {
		const date = parseUserDate(raw);
		if (!date)
			throw invalidInput(
				this.getNode(),
				itemIndex,
				'Value',
				`${JSON.stringify(raw)} is not a date`,
				'Use an ISO date such as 2026-01-31 or 2026-01-31T09:30:00Z.',
			);
		return toLeadSquaredDate(date);
	}
	const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
	if (kind === 'number' && (text === '' || !Number.isFinite(Number(text)))) {
		throw invalidInput(this.getNode(), itemIndex, 'Value', `"${text}" is not a number`);
	}
	return text;
}

export const search = defineOperation({
	name: 'Search',
	description: 'Find leads whose field matches a condition',
	action: 'Search leads',
	properties,
	prepare,
	execute,
});
