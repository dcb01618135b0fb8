import type { IDataObject } from 'n8n-workflow';

import type { ApiRequest, ListRequest, PageLimit, ResponseBody } from './types';

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
