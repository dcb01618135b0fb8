import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseUserDate, toLeadSquaredDate } from '../../../shared/dates';
import {
	leadSquaredRequestPages,
	type ListRequest,
	type PageLimit,
} from '../../../shared/transport';
import { invalidInput } from '../../../shared/validation';
import { optionsCollection, readPageLimit, returnAllFields } from '../common.descriptions';
import { defineOperation } from '../define';
import { leadItems, leadPages, leadReadOptions, readLeadRead, type LeadRead } from './leadReads';

/** Leads.RecentlyModified returns at most 5,000 leads per call. */
const MAX_PAGE_SIZE = 5000;

const properties: INodeProperties[] = [
	{
		displayName: 'Modified After',
		name: 'fromDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'Start of the range (inclusive). Times without a time zone are taken as UTC, as LeadSquared does.',
	},
	{
		displayName: 'Modified Before',
		name: 'toDate',
		type: 'dateTime',
		default: '',
		description: 'End of the range (inclusive); leave empty for now',
	},
	...returnAllFields,
	optionsCollection(leadReadOptions),
];

interface RecentlyModified extends LeadRead {
	list: ListRequest;
	want: PageLimit;
}

function prepare(this: IExecuteFunctions, itemIndex: number): RecentlyModified {
	const from = dateParameter.call(this, itemIndex, 'fromDate', 'Modified After');
	const to = dateParameter.call(this, itemIndex, 'toDate', 'Modified Before') ?? new Date();
	if (!from)
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Modified After',
			'is empty',
			'Enter the start of the date range.',
		);
	if (from > to) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Modified After',
			`${from.toISOString()} is after Modified Before (${to.toISOString()})`,
		);
	}
	const read = readLeadRead.call(this, itemIndex);
	return {
		...read,
		want: readPageLimit.call(this, itemIndex),
		list: leadPages(
			'Leads.RecentlyModified',
			MAX_PAGE_SIZE,
			{
				Parameter: { FromDate: toLeadSquaredDate(from), ToDate: toLeadSquaredDate(to) },
				// A column that does not change while paging, so no lead moves between pages.
				Sorting: { ColumnName: 'CreatedOn', Direction: '0' },
			},
			read,
		),
	};
}

function dateParameter(
	this: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): Date | undefined {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === '' || raw === null || raw === undefined) return undefined;
	const date = parseUserDate(raw);
	if (!date)
		throw invalidInput(
			this.getNode(),
			itemIndex,
			label,
			`${JSON.stringify(raw)} is not a date`,
			'Use an ISO date such as 2026-01-31T09:30:00Z, or pick one.',
		);
	return date;
}

async function execute(this: IExecuteFunctions, range: RecentlyModified, itemIndex: number) {
	return leadItems(
		await leadSquaredRequestPages.call(this, range.list, range.want, itemIndex),
		range,
	);
}

export const getRecentlyModified = defineOperation({
	name: 'Get Recently Modified',
	description: 'Get the leads created or changed in a date range',
	action: 'Get recently modified leads',
	properties,
	prepare,
	execute,
});
