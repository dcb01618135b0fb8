import type { IDataObject } from 'n8n-workflow';

import type { ResponseBody } from './transport';

/** LeadSquared's success bodies wrap the useful part in `Message`. */
export function messageOf(response: ResponseBody): IDataObject {
	const message = Array.isArray(response) ? undefined : response.Message;
	return isObject(message) ? message : {};
}

/** Created records' IDs appear as `Id`, and in some newer answers as `RelatedId`/`RelatedID`. */
export function idOf(message: IDataObject): string | undefined {
	const id = message.Id ?? message.RelatedId ?? message.RelatedID;
	return typeof id === 'string' ? id : undefined;
}

/**
 * The records of a list answer: the answer itself when it is a list, or the list under one of
 * `keys` (`Leads`, `ProspectActivities`, ...), which LeadSquared wraps with a RecordCount.
 */
export function recordsOf(response: ResponseBody, ...keys: string[]): IDataObject[] {
	if (Array.isArray(response)) return response.filter(isObject);
	for (const key of keys) {
		const list = response[key];
		if (Array.isArray(list)) return list.filter(isObject);
	}
	return [];
}

export function recordCountOf(response: ResponseBody): number | undefined {
	const count = Array.isArray(response) ? undefined : Number(response.RecordCount);
	return count !== undefined && Number.isFinite(count) ? count : undefined;
}

export function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
