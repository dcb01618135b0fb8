import type {
	FieldType,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import {
	activityTypeFields,
	opportunityTypeFields,
	users,
	type TypeField,
	type User,
} from './accountMetadata';
import {
	CUSTOM_FIELD_SET_TYPE,
	identifiesLead,
	leadFields,
	type LeadFieldDescriptor,
} from './leadMetadata';
import { userOption } from './loadOptions';

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
const SYSTEM_MANAGED = new Set([
	'ProspectID',
	'CreatedOn',
	'ModifiedOn',
	'CreatedBy',
	'ModifiedBy',
	'ProspectAutoId',
]);

/**
 * The account's lead fields for the resource mapper: type, whether mandatory, dropdown values
 * of Select fields, and which fields can identify a lead (the Search By choice).
 */
export async function getLeadFieldMapping(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const operation = this.getCurrentNodeParameter('operation') as string;
	const creates =
		operation === 'createOrUpdate' || operation === 'capture' || operation === 'captureAsync';
	const fields = await leadFields.call(this, { withOptionSets: true });
	const owners = fields.some((field) => field.SchemaName in OWNER_FIELDS)
		? await activeUsers(this)
		: [];
	return {
		fields: fields
			.filter(
				(field) =>
					field.DataType !== CUSTOM_FIELD_SET_TYPE && !SYSTEM_MANAGED.has(field.SchemaName),
			)
			.map((field) => toMapperField(field, creates))
			.map((field) => withOwnerOptions(field, owners)),
	};
}

/**
 * The lead's owner is a user, given by ID (OwnerId) or, in some accounts' schemas, by email
 * (OwnerIdEmailAddress): the mapper offers the account's active users instead of a text box,
 * valued the way each field takes them.
 */
const OWNER_FIELDS: Record<string, (user: User) => string> = {
	OwnerId: (user) => user.id,
	OwnerIdEmailAddress: (user) => user.email,
};

function withOwnerOptions(field: ResourceMapperField, owners: User[]): ResourceMapperField {
	const valueOf = Object.prototype.hasOwnProperty.call(OWNER_FIELDS, field.id)
		? OWNER_FIELDS[field.id]
		: undefined;
	if (!valueOf || owners.length === 0) return field;
	return {
		...field,
		type: 'options',
		options: owners.map((user) => ({ ...userOption(user), value: valueOf(user) })),
	};
}

async function activeUsers(context: ILoadOptionsFunctions): Promise<User[]> {
	try {
		return (await users.call(context)).filter((user) => user.active);
	} catch {
		// Keys without permission to list users still get the mapper, with Owner as a text box.
		return [];
	}
}

/** The chosen activity type's own fields (from its activity setting) for the activity mapper. */
export async function getActivityFieldMapping(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const code = Number(this.getCurrentNodeParameter('activityType'));
	if (!Number.isInteger(code) || code <= 0) return { fields: [] };
	return { fields: (await activityTypeFields.call(this, code)).map(typeFieldToMapperField) };
}

export async function getOpportunityFieldMapping(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const code = Number(this.getCurrentNodeParameter('opportunityType'));
	if (!Number.isInteger(code) || code <= 0) return { fields: [] };
	return {
		fields: ((await opportunityTypeFields.call(this, code)) ?? []).map(typeFieldToMapperField),
	};
}

function typeFieldToMapperField(field: TypeField): ResourceMapperField {
	const type = FIELD_TYPES[field.dataType] ?? 'string';
	const options = field.options.map((value) => ({ name: value, value }));
	return {
		id: field.schemaName,
		displayName:
			field.displayName === field.schemaName
				? field.schemaName
				: `${field.displayName} (${field.schemaName})`,
		required: field.mandatory,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: type === 'options' && options.length === 0 ? 'string' : type,
		...(type === 'options' && options.length > 0 ? { options } : {}),
	};
}

function toMapperField(field: LeadFieldDescriptor, creates: boolean): ResourceMapperField {
	const type =
		FIELD_TYPES[field.DataType ?? ''] ?? FIELD_TYPES[field.RenderTypeTextValue ?? ''] ?? 'string';
	const options = (field.Options ?? [])
		.map((option) => option.Value ?? option.Text)
		.filter((value): value is string => typeof value === 'string')
		.map((value) => ({ name: value, value }));
	return {
		id: field.SchemaName,
		displayName: field.DisplayName
			? `${field.DisplayName} (${field.SchemaName})`
			: field.SchemaName,
		required: creates && field.IsMandatory === true,
		defaultMatch: false,
		canBeUsedToMatch: identifiesLead(field),
		display: true,
		type: type === 'options' && options.length === 0 ? 'string' : type,
		...(type === 'options' && options.length > 0 ? { options } : {}),
	};
}
