/** The shapes callers of the transport work with; no behaviour lives here. */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import type { AuthScheme } from '../authScheme';

export interface ApiRequest {
	/**
	 * Which LeadSquared API: `v2` (sync), `async` (submit) or `asyncStatus`. The rate budget
	 * follows from it and the path (bulk endpoints have their own), see `apiFamilyOf`.
	 */
	api: AuthScheme;
	method: IHttpRequestMethods;
	/** Below the API's base URL: `LeadManagement.svc/Lead.Update` (v2 adds `/v2/`) or `lead/capture`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/**
	 * Sending it twice is harmless (reads, status checks). Only such requests are sent again
	 * after a failure that may have happened after LeadSquared received them.
	 */
	idempotent: boolean;
}

/** Node runs, dropdowns, and the triggers' webhook registration and polls. */
export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions;

/** A parsed LeadSquared answer: most endpoints answer with an object, reads often with a list. */
export type ResponseBody = IDataObject | IDataObject[];

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
