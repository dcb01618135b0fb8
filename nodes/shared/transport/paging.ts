import type { IDataObject } from 'n8n-workflow';

import type { ApiRequest, ResponseBody } from './index';

/** The n8n fields every list operation has: Return All, or up to Limit records. */
export interface PageLimit {
	returnAll: boolean;
	limit: number;
}

/**
 * A LeadSquared list endpoint. LeadSquared pages two ways: PageIndex (from 1) with PageSize for
 * leads, lists, notes and opportunities; Offset (from 0) with RowCount for activities and tasks.
 * The operation only says which, and where the paging object goes in its request.
 */
export interface ListRequest {
	paging: 'pageIndex' | 'offset';
	/** The most records the endpoint returns per call. */
	maxPageSize: number;
	/** The request for one page; `page` is `{ PageIndex, PageSize }` or `{ Offset, RowCount }`. */
	request(page: IDataObject): ApiRequest;
	records(body: ResponseBody): IDataObject[];
	/** The total the answer reports (RecordCount), when it reports one. */
	total?(body: ResponseBody): number | undefined;
}

/**
 * Requests pages until the endpoint runs out or the limit is reached. The page size stays the
 * same from page to page, because PageIndex paging counts in pages of the size asked for.
 */
export async function collectPages(
	list: ListRequest,
	want: PageLimit,
	send: (request: ApiRequest) => Promise<ResponseBody>,
): Promise<IDataObject[]> {
	const pageSize = want.returnAll ? list.maxPageSize : Math.min(list.maxPageSize, want.limit);
	const collected: IDataObject[] = [];
	for (let pageNumber = 0; ; pageNumber++) {
		const page =
			list.paging === 'pageIndex'
				? { PageIndex: pageNumber + 1, PageSize: pageSize }
				: { Offset: pageNumber * pageSize, RowCount: pageSize };
		const body = await send(list.request(page));
		const records = list.records(body);
		collected.push(...records);

		if (!want.returnAll && collected.length >= want.limit) return collected.slice(0, want.limit);
		const total = list.total?.(body);
		// A short page is the last one; so is a page that reaches the reported total. A page longer
		// than asked for means the endpoint ignores paging and has sent everything at once.
		if (records.length !== pageSize) break;
		if (total !== undefined && collected.length >= total) break;
	}
	return collected;
}
