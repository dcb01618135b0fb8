import type { IDataObject } from 'n8n-workflow';

import { leadSquaredDateToIso } from './dates';
import { isObject } from './responses';

export interface RecordShaping {
	/** Keep LeadSquared's own date-time strings instead of ISO 8601 UTC. */
	rawValues: boolean;
}

/**
 * One LeadSquared record as one flat n8n item. Some APIs list fields as
 * `LeadPropertyList: [{ Attribute, Value }]`; those become ordinary properties, so a record reads
 * `{ ProspectID, FirstName, EmailAddress, mx_City, ... }` whichever API it came from.
 */
export function flattenRecord(record: IDataObject, { rawValues }: RecordShaping): IDataObject {
	const { LeadPropertyList: propertyList, ...rest } = record;
	const flat: IDataObject = {
		...(Array.isArray(propertyList) ? attributesToObject(propertyList) : {}),
		...rest,
	};
	return rawValues ? flat : withIsoDates(flat);
}

/**
 * Activities list their note and own fields as `Data: [{ Key, Value }]` (Retrieve, and the
 * activity webhooks); they become ordinary properties (`mx_Custom_1`, `ActivityEvent_Note`, ...)
 * so a workflow maps them directly.
 */
export function unpackKeyValueData(record: IDataObject): IDataObject {
	const { Data: data, ...rest } = record;
	if (!Array.isArray(data)) return record;
	const pairs = data.filter(
		(entry): entry is IDataObject => isObject(entry) && typeof entry.Key === 'string',
	);
	return {
		...rest,
		...Object.fromEntries(pairs.map((entry) => [entry.Key as string, entry.Value])),
	};
}

function attributesToObject(list: unknown[]): IDataObject {
	const flat: IDataObject = {};
	for (const entry of list) {
		if (isObject(entry) && typeof entry.Attribute === 'string')
			flat[entry.Attribute] = entry.Value as IDataObject[string];
	}
	return flat;
}

function withIsoDates(record: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		result[key] = typeof value === 'string' ? (leadSquaredDateToIso(value) ?? value) : value;
	}
	return result;
}
