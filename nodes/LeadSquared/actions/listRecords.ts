import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flattenRecord } from '../../shared/records';
import { recordCountOf, recordsOf } from '../../shared/responses';
import { leadSquaredRequestPages, type ListRequest } from '../../shared/transport';
import {
	leadIdField,
	optionsCollection,
	rawValuesOption,
	readLeadId,
	readPageLimit,
	readRawValues,
	returnAllFields,
} from './common.descriptions';
import { defineOperation, type Operation } from './define';

/**
 * What every Get Many operation does after reading its own fields: page through the endpoint up
 * to Return All / Limit and output one flat item per record, dates in ISO 8601 UTC unless the
 * item asks for LeadSquared's own formats.
 */
export async function readListRecords(
	this: IExecuteFunctions,
	list: ListRequest,
	itemIndex: number,
	settings: ListSettings,
	unpack: (record: IDataObject) => IDataObject = (record) => record,
): Promise<IDataObject[]> {
	const records = await leadSquaredRequestPages.call(this, list, settings.pageLimit, itemIndex);
	return records.map((record) => flattenRecord(unpack(record), { rawValues: settings.rawValues }));
}

export interface ListSettings {
	pageLimit: ReturnType<typeof readPageLimit>;
	rawValues: boolean;
}

/** Return All / Limit and Keep LeadSquared Date Formats, read and checked in `prepare`. */
export function readListSettings(this: IExecuteFunctions, itemIndex: number): ListSettings {
	return {
		pageLimit: readPageLimit.call(this, itemIndex),
		rawValues: readRawValues.call(this, itemIndex),
	};
}

/** An endpoint that lists one lead's records (activities, tasks, notes, opportunities). */
export interface LeadListEndpoint {
	path: string;
	paging: ListRequest['paging'];
	/** Where the answer keeps the records, e.g. ProspectActivities. */
	recordKeys: string[];
	/** POST (the default) sends filter and page in the body; GET sends the page in the query string. */
	method?: 'GET' | 'POST';
}

// LeadSquared's lead-scoped lists take the lead in the query string.
const PAGE_SIZE = 100;

/**
 * The request for a lead's records, page by page. `query` adds to the query string (e.g. the
 * opportunity type), `parameter` becomes the body's filter (e.g. the activity type).
 */
export function leadListRequest(
	endpoint: LeadListEndpoint,
	leadId: string,
	{ query = {}, parameter }: { query?: IDataObject; parameter?: IDataObject } = {},
): ListRequest {
	return {
		paging: endpoint.paging,
		maxPageSize: PAGE_SIZE,
		request: (page) =>
			endpoint.method === 'GET'
				? {
						api: 'v2',
						method: 'GET',
						path: endpoint.path,
						qs: { leadId, ...query, ...page },
						idempotent: true,
					}
				: {
						api: 'v2',
						method: 'POST',
						path: endpoint.path,
						qs: { leadId, ...query },
						body: { ...(parameter ? { Parameter: parameter } : {}), Paging: page },
						idempotent: true,
					},
		records: (body) => recordsOf(body, ...endpoint.recordKeys),
		total: recordCountOf,
	};
}

/** The fields of a "Get Many of a lead" operation, around its own filters. */
export function leadListFields(filters: INodeProperties[] = []): INodeProperties[] {
	return [leadIdField, ...filters, ...returnAllFields, optionsCollection([rawValuesOption])];
}

export interface LeadListQuery extends ListSettings {
	leadId: string;
}

export function readLeadListQuery(this: IExecuteFunctions, itemIndex: number): LeadListQuery {
	return { leadId: readLeadId.call(this, itemIndex), ...readListSettings.call(this, itemIndex) };
}

/** The Get Many of a lead's records that needs only the lead and Return All / Limit (notes, tasks). */
export function leadRecordsOperation(
	label: { description: string; action: string },
	endpoint: LeadListEndpoint,
): Operation {
	return defineOperation({
		name: 'Get Many',
		...label,
		properties: leadListFields(),
		prepare(this: IExecuteFunctions, itemIndex: number): LeadListQuery {
			return readLeadListQuery.call(this, itemIndex);
		},
		async execute(this: IExecuteFunctions, query: LeadListQuery, itemIndex: number) {
			return await readListRecords.call(
				this,
				leadListRequest(endpoint, query.leadId),
				itemIndex,
				query,
			);
		},
	});
}
