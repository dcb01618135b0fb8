import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { CUSTOM_FIELD_SET_TYPE, identifiesLead, leadFields, type LeadFieldDescriptor } from './leadMetadata';

// LeadSquared DataType (or render type) → the mapper's input widget.
const FIELD_TYPES: Record<string, FieldType> = {
	Number: 'number',
	Date: 'dateTime',
	DateTime: 'dateTime',
	Boolean: 'boolean',
	CheckBox: 'boolean',
	Select: 'options',
	Dropdown: 'options',
};

// Fields LeadSquared fills in itself; they can be read but not sent.
const SYSTEM_MANAGED = new Set(['ProspectID', 'CreatedOn', 'ModifiedOn', 'CreatedBy', 'ModifiedBy', 'ProspectAutoId']);

/**
 * The account's lead fields for the resource mapper: type, whether mandatory, dropdown values
 * of Select fields, and which fields can identify a lead (the Search By choice).
 */
export async function getLeadFieldMapping(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const operation = this.getCurrentNodeParameter('operation') as string;
	const creates = operation === 'createOrUpdate' || operation === 'capture' || operation === 'captureAsync';
	const fields = await leadFields.call(this, { withOptionSets: true });
	return {
		fields: fields
			.filter((field) => field.DataType !== CUSTOM_FIELD_SET_TYPE && !SYSTEM_MANAGED.has(field.SchemaName))
			.map((field) => toMapperField(field, creates)),
	};
}

function toMapperField(field: LeadFieldDescriptor, creates: boolean): ResourceMapperField {
	const type = FIELD_TYPES[field.DataType ?? ''] ?? FIELD_TYPES[field.RenderTypeTextValue ?? ''] ?? 'string';
	const options = (field.Options ?? [])
		.map((option) => option.Value ?? option.Text)
		.filter((value): value is string => typeof value === 'string')
		.map((value) => ({ name: value, value }));
	return {
		id: field.SchemaName,
		displayName: field.DisplayName ? `${field.DisplayName} (${field.SchemaName})` : field.SchemaName,
		required: creates && field.IsMandatory === true,
		defaultMatch: false,
		canBeUsedToMatch: identifiesLead(field),
		display: true,
		type: type === 'options' && options.length === 0 ? 'string' : type,
		...(type === 'options' && options.length > 0 ? { options } : {}),
	};
}
