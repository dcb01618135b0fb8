import { jsonParse, type IDataObject } from 'n8n-workflow';

import { flattenRecord, unpackKeyValueData } from '../shared/records';
import { isObject } from '../shared/responses';

/**
 * The events in one delivery. LeadSquared posts one record per event, except that it groups
 * activities posted within about a minute into a list.
 */
export function eventsOf(body: unknown): IDataObject[] {
	const parsed = typeof body === 'string' ? parseText(body) : body;
	if (Array.isArray(parsed)) return parsed.filter(isObject);
	if (!isObject(parsed) || Object.keys(parsed).length === 0) return [];
	return [parsed];
}

/**
 * One output item per event, shaped like the LeadSquared node's reads: flat fields (an
 * activity's `Data` pairs included), date-times in ISO 8601 UTC unless asked otherwise.
 */
export function eventItems(
	events: IDataObject[],
	options: { rawValues: boolean; activityType: number },
): IDataObject[] {
	return events
		.filter((event) => matchesActivityType(event, options.activityType))
		.map((event) => flattenRecord(unpackKeyValueData(event), { rawValues: options.rawValues }));
}

/** Same length and characters, compared without stopping at the first difference. */
export function secretMatches(given: unknown, expected: string | undefined): boolean {
	const value = Array.isArray(given) ? given[0] : given;
	if (typeof value !== 'string' || !expected || value.length !== expected.length) return false;
	let difference = 0;
	for (let index = 0; index < expected.length; index++)
		difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
	return difference === 0;
}

function parseText(text: string): unknown {
	if (text.trim() === '') return undefined;
	try {
		return jsonParse(text);
	} catch {
		return { body: text };
	}
}

/** Activity webhooks are registered for one type; a delivery of another type is not wanted. */
function matchesActivityType(event: IDataObject, activityType: number): boolean {
	if (!activityType) return true;
	// The type's code is ActivityEvent or EventCode; ActivityType is a category, not the type.
	const code = event.ActivityEvent ?? event.EventCode;
	return code === undefined || Number(code) === activityType;
}
