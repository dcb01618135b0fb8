import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { leadSquaredRequest } from '../../shared/transport';

/** One entry of LeadsMetaData.Get, as far as this package uses it. */
export interface LeadFieldDescriptor {
	SchemaName: string;
	DisplayName?: string;
	DataType?: string;
	RenderTypeTextValue?: string;
	IsMandatory?: boolean;
	IsLeadIdentifier?: boolean;
	Options?: Array<{ Value?: string; Text?: string; Label?: string }>;
}

/**
 * Whether LeadSquared can find a lead by this field (Search By, the mapper's match column).
 * LeadsMetaData.Get marks such fields with IsLeadIdentifier, the flag LeadSquared documents for
 * unique keys. Email and phone are unique by default, so they count even where an account's
 * metadata leaves the flag out.
 */
export function identifiesLead(field: LeadFieldDescriptor): boolean {
	return (
		field.IsLeadIdentifier === true ||
		field.SchemaName === 'EmailAddress' ||
		field.SchemaName === 'Phone'
	);
}

/** CustomObject fields are custom field sets: they take nested Fields, not a single value. */
export const CUSTOM_FIELD_SET_TYPE = 'CustomObject';

const cache = new WeakMap<object, Map<boolean, Promise<LeadFieldDescriptor[]>>>();

/**
 * The account's lead fields, fetched once per node run (the editor opens several dropdowns
 * from one load; an execution may need the list for many items).
 */
export async function leadFields(
	this: ILoadOptionsFunctions | IExecuteFunctions,
	{ withOptionSets }: { withOptionSets: boolean },
): Promise<LeadFieldDescriptor[]> {
	let perContext = cache.get(this);
	if (!perContext) {
		perContext = new Map();
		cache.set(this, perContext);
	}
	let fields = perContext.get(withOptionSets);
	if (!fields) {
		fields = fetchFields(this, withOptionSets);
		perContext.set(withOptionSets, fields);
	}
	return await fields;
}

async function fetchFields(
	context: ILoadOptionsFunctions | IExecuteFunctions,
	withOptionSets: boolean,
): Promise<LeadFieldDescriptor[]> {
	const body = await leadSquaredRequest.call(context, {
		api: 'v2',
		method: 'GET',
		path: 'LeadManagement.svc/LeadsMetaData.Get',
		// Option sets can make the answer very large; fetch them only when dropdown values are needed.
		qs: withOptionSets ? undefined : { excludeOptionSets: 1 },
		idempotent: true,
	});
	const list = Array.isArray(body) ? (body as IDataObject[]) : [];
	return list
		.filter(
			(field): field is IDataObject & LeadFieldDescriptor =>
				typeof field.SchemaName === 'string' && field.SchemaName !== '',
		)
		.sort((a, b) => (a.DisplayName ?? a.SchemaName).localeCompare(b.DisplayName ?? b.SchemaName));
}
