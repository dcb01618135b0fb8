import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	activityTypes,
	lists,
	opportunityTypes,
	taskTypes,
	users,
	type User,
} from './accountMetadata';
import {
	CUSTOM_FIELD_SET_TYPE,
	identifiesLead,
	leadFields,
	type LeadFieldDescriptor,
} from './leadMetadata';

/** Every lead field except custom field sets, labelled by display name, valued by schema name. */
export async function getLeadFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await leadFields.call(this, { withOptionSets: false });
	return fields.filter((field) => field.DataType !== CUSTOM_FIELD_SET_TYPE).map(toFieldOption);
}

/** The account's unique fields, the only ones Search By can use. */
export async function getUniqueLeadFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await leadFields.call(this, { withOptionSets: false });
	return fields.filter(identifiesLead).map(toFieldOption);
}

function toFieldOption(field: LeadFieldDescriptor): INodePropertyOptions {
	return {
		name:
			field.DisplayName && field.DisplayName !== field.SchemaName
				? `${field.DisplayName} (${field.SchemaName})`
				: field.SchemaName,
		value: field.SchemaName,
		description: [field.DataType, field.IsMandatory ? 'mandatory' : undefined]
			.filter(Boolean)
			.join(', '),
	};
}

/** Only the custom field sets (custom objects such as mx_KYC). */
export async function getCustomFieldSets(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await leadFields.call(this, { withOptionSets: false });
	return fields
		.filter((field) => field.DataType === CUSTOM_FIELD_SET_TYPE)
		.map((field) => ({ name: field.DisplayName ?? field.SchemaName, value: field.SchemaName }));
}

/** Activity types labelled by name, valued by their code (ActivityEvent). */
export async function getActivityTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await activityTypes.call(this)).map((type) => ({
		name: type.name,
		value: String(type.code),
		description: `Code ${type.code}`,
	}));
}

export async function getTaskTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await taskTypes.call(this)).map((type) => ({ name: type.name, value: type.name }));
}

/** Active users only: LeadSquared does not assign records to deactivated users. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await users.call(this)).filter((user) => user.active).map(userOption);
}

export function userOption(user: User): INodePropertyOptions {
	return { name: `${user.name} (${user.email})`, value: user.id, description: user.role };
}

/** Static lists only: leads can be added to and removed from those, not from dynamic ones. */
export async function getStaticLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await lists.call(this))
		.filter((list) => list.type === '' || list.type.toLowerCase() === 'static' || list.type === '0')
		.map((list) => ({ name: list.name, value: list.id, description: list.description }));
}

export async function getOpportunityTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return ((await opportunityTypes.call(this)) ?? []).map((type) => ({
		name: type.name,
		value: String(type.code),
		description: `Code ${type.code}`,
	}));
}
