import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { CUSTOM_FIELD_SET_TYPE, identifiesLead, leadFields, type LeadFieldDescriptor } from './leadMetadata';

/** Every lead field except custom field sets, labelled by display name, valued by schema name. */
export async function getLeadFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await leadFields.call(this, { withOptionSets: false });
	return fields.filter((field) => field.DataType !== CUSTOM_FIELD_SET_TYPE).map(toFieldOption);
}

/** The account's unique fields, the only ones Search By can use. */
export async function getUniqueLeadFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await leadFields.call(this, { withOptionSets: false });
	return fields.filter(identifiesLead).map(toFieldOption);
}

function toFieldOption(field: LeadFieldDescriptor): INodePropertyOptions {
	return {
		name: field.DisplayName && field.DisplayName !== field.SchemaName ? `${field.DisplayName} (${field.SchemaName})` : field.SchemaName,
		value: field.SchemaName,
		description: [field.DataType, field.IsMandatory ? 'mandatory' : undefined].filter(Boolean).join(', '),
	};
}

/** Only the custom field sets (custom objects such as mx_KYC). */
export async function getCustomFieldSets(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await leadFields.call(this, { withOptionSets: false });
	return fields
		.filter((field) => field.DataType === CUSTOM_FIELD_SET_TYPE)
		.map((field) => ({ name: field.DisplayName ?? field.SchemaName, value: field.SchemaName }));
}
