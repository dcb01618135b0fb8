import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flattenRecord } from '../../../shared/records';
import { recordCountOf, recordsOf } from '../../../shared/responses';
import type { ListRequest } from '../../../shared/transport';
import { invalidInput } from '../../../shared/validation';
import { rawValuesOption } from '../common.descriptions';

/** What every lead read shares: which columns to return, and how to shape what comes back. */
export interface LeadRead {
	/** LeadSquared's Include_CSV; empty for all columns. */
	columns: string;
	rawValues: boolean;
}

const columnsOption: INodeProperties = {
	displayName: 'Fields to Return Names or IDs',
	name: 'columns',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLeadFields' },
	default: [],
	description:
		'The lead fields to include; leave empty for all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const leadReadOptions: INodeProperties[] = [columnsOption, rawValuesOption];

export function readLeadRead(this: IExecuteFunctions, itemIndex: number): LeadRead {
	const raw = this.getNodeParameter('options.columns', itemIndex, []) as unknown;
	const names = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
		.map((name) => String(name).trim())
		.filter(Boolean);
	const invalid = names.find((name) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(name));
	if (invalid !== undefined) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Fields to Return',
			`"${invalid}" is not a LeadSquared schema name`,
			'Schema names look like FirstName or mx_City.',
		);
	}
	return {
		columns: names.join(','),
		rawValues: this.getNodeParameter('options.rawValues', itemIndex, false) as boolean,
	};
}

/** LeadSquared's `Columns` object, or nothing when every column is wanted. */
function columnsOf(read: LeadRead): IDataObject {
	return read.columns ? { Columns: { Include_CSV: read.columns } } : {};
}

/**
 * A paged lead read (Leads.Get, Leads/Retrieve/ByIds, Leads.RecentlyModified): the operation's
 * own body plus the columns asked for and the page, answered as a list or as
 * `{ RecordCount, Leads }`.
 */
export function leadPages(
	path: string,
	maxPageSize: number,
	body: IDataObject,
	read: LeadRead,
): ListRequest {
	return {
		paging: 'pageIndex',
		maxPageSize,
		request: (page) => ({
			api: 'v2',
			method: 'POST',
			path: `LeadManagement.svc/${path}`,
			body: { ...body, ...columnsOf(read), Paging: page },
			idempotent: true,
		}),
		records: (response) => recordsOf(response, 'Leads'),
		total: recordCountOf,
	};
}

/** One flat output item per lead, whichever shape the API used. */
export function leadItems(records: IDataObject[], read: LeadRead): IDataObject[] {
	return records.map((record) => flattenRecord(record, read));
}
