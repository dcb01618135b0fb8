import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';

import { isObject, recordsOf } from '../../shared/responses';
import {
	leadSquaredRequest,
	leadSquaredRequestPages,
	type RequestContext,
} from '../../shared/transport';

/**
 * The account's configuration that dropdowns list and validation checks against: activity
 * types, task types, users, lists and opportunity types. Each is fetched at most once per node
 * run (the editor fills several dropdowns from one load; an execution checks every item against
 * the same list), and each LeadSquared answer is turned into one plain shape here, so operations
 * never read LeadSquared's field names for metadata.
 */

/** A custom field of an activity or opportunity type, as the account's settings describe it. */
export interface TypeField {
	schemaName: string;
	displayName: string;
	dataType: string;
	mandatory: boolean;
	options: string[];
}

export interface ActivityType {
	code: number;
	name: string;
}

export interface TaskType {
	id: string;
	name: string;
}

export interface User {
	id: string;
	name: string;
	email: string;
	role: string;
	active: boolean;
}

export interface StaticList {
	id: string;
	name: string;
	type: string;
	description: string;
}

export interface OpportunityType {
	code: number;
	name: string;
	/** Undefined when the account does not say (its types could not be listed). */
	fields?: TypeField[];
}

const text = (value: unknown): string =>
	typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** One cached value per node run (the execute or load-options context) and key. */
const cache = new WeakMap<object, Map<string, Promise<unknown>>>();

async function once<T>(context: RequestContext, key: string, load: () => Promise<T>): Promise<T> {
	let perContext = cache.get(context);
	if (!perContext) {
		perContext = new Map();
		cache.set(context, perContext);
	}
	let value = perContext.get(key) as Promise<T> | undefined;
	if (!value) {
		value = load();
		perContext.set(key, value);
		// A failed load is not kept, so the next item or dropdown asks again.
		value.catch(() => perContext.delete(key));
	}
	return await value;
}

export async function activityTypes(this: RequestContext): Promise<ActivityType[]> {
	return await once(this, 'activityTypes', async () => {
		const body = await leadSquaredRequest.call(this, {
			api: 'v2',
			method: 'GET',
			path: 'ProspectActivity.svc/ActivityTypes.Get',
			idempotent: true,
		});
		return recordsOf(body)
			.map((type) => ({
				code: Number(type.ActivityEvent),
				name: text(type.ActivityEventName ?? type.DisplayName),
			}))
			.filter((type) => Number.isInteger(type.code))
			.sort(byName);
	});
}

/** The custom fields of one activity type (its "activity setting"). */
export async function activityTypeFields(this: RequestContext, code: number): Promise<TypeField[]> {
	return await once(this, `activityFields:${code}`, async () => {
		const body = await leadSquaredRequest.call(this, {
			api: 'v2',
			method: 'GET',
			path: 'ProspectActivity.svc/CustomActivity/GetActivitySetting',
			qs: { code },
			idempotent: true,
		});
		return typeFieldsOf(body);
	});
}

export async function taskTypes(this: RequestContext): Promise<TaskType[]> {
	return await once(this, 'taskTypes', async () => {
		const body = await leadSquaredRequest.call(this, {
			api: 'v2',
			method: 'GET',
			path: 'Task.svc/RetrieveTaskType',
			idempotent: true,
		});
		return recordsOf(body, 'TaskTypes')
			.map((type) => ({ id: text(type.Id ?? type.ID), name: text(type.Name) }))
			.filter((type) => type.name !== '')
			.sort(byName);
	});
}

export async function users(this: RequestContext): Promise<User[]> {
	return await once(this, 'users', async () => {
		const body = await leadSquaredRequest.call(this, {
			api: 'v2',
			method: 'GET',
			path: 'UserManagement.svc/Users.Get',
			idempotent: true,
		});
		return recordsOf(body, 'Users')
			.map(toUser)
			.filter((user) => user.id !== '')
			.sort(byName);
	});
}

export function toUser(record: IDataObject): User {
	const name = [text(record.FirstName), text(record.LastName)]
		.filter((part) => part !== '')
		.join(' ');
	const email = text(record.EmailAddress);
	return {
		id: text(record.ID ?? record.Id ?? record.UserId),
		name: name || email,
		email,
		role: text(record.Role),
		// StatusCode 0 is active, 1 inactive.
		active: Number(record.StatusCode ?? 0) === 0,
	};
}

/** Every list of the account; the dropdown and the static-list check share it. */
export async function lists(this: RequestContext): Promise<StaticList[]> {
	return await once(this, 'lists', async () => {
		const records = await leadSquaredRequestPages.call(
			this,
			{
				paging: 'pageIndex',
				maxPageSize: LISTS_PAGE_SIZE,
				request: ({ PageIndex }) => ({
					api: 'v2',
					method: 'GET',
					path: 'LeadSegmentation.svc/Lists.Get',
					qs: { PageIndex, PageSize: LISTS_PAGE_SIZE },
					idempotent: true,
				}),
				records: (body) => recordsOf(body, 'Lists'),
			},
			{ returnAll: true, limit: Infinity },
		);
		return records
			.map(toList)
			.filter((list) => list.id !== '')
			.sort(byName);
	});
}

/**
 * Lists.Get takes a PageIndex but documents no page size; 100 per page is assumed (the sandbox
 * answers so), and a shorter page ends the paging.
 */
export const LISTS_PAGE_SIZE = 100;

function toList(record: IDataObject): StaticList {
	return {
		id: text(record.ListId ?? record.ID ?? record.Id),
		name: text(record.ListName ?? record.Name),
		type: text(record.ListType ?? record.Type),
		description: text(record.ListDescription ?? record.Description),
	};
}

/**
 * Opportunity types with their fields. LeadSquared's opportunity types are activity types with
 * codes from 12000 up; this package reads them, fields included, from GetOpportunityTypes, an
 * endpoint name inferred from the OpportunityManagement.svc family (not documented). Undefined
 * when the account answers 404 to it: then a type is given by its code and its fields are sent
 * unchecked, rather than making opportunities unusable.
 */
export async function opportunityTypes(
	this: RequestContext,
): Promise<OpportunityType[] | undefined> {
	return await once(this, 'opportunityTypes', async () => {
		let body;
		try {
			body = await leadSquaredRequest.call(this, {
				api: 'v2',
				method: 'GET',
				path: 'OpportunityManagement.svc/GetOpportunityTypes',
				idempotent: true,
			});
		} catch (error) {
			if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
			const failure =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error);
			throw failure;
		}
		return recordsOf(body, 'OpportunityTypes')
			.map((type) => ({
				code: Number(type.OpportunityEventCode ?? type.ActivityEvent),
				name: text(type.Name ?? type.DisplayName),
				fields: typeFieldsOf(type),
			}))
			.filter((type) => Number.isInteger(type.code))
			.sort(byName);
	});
}

/** The type's fields, or undefined when the account does not list its opportunity types. */
export async function opportunityTypeFields(
	this: RequestContext,
	code: number,
): Promise<TypeField[] | undefined> {
	const known = await opportunityTypes.call(this);
	return known ? (known.find((type) => type.code === code)?.fields ?? []) : undefined;
}

/** An activity or opportunity setting lists its fields under `Fields` (or is the list itself). */
function typeFieldsOf(body: unknown): TypeField[] {
	const list = Array.isArray(body)
		? body
		: isObject(body)
			? (body.Fields ?? body.ActivityFields)
			: undefined;
	if (!Array.isArray(list)) return [];
	return list.filter(isObject).flatMap((field) => {
		const schemaName = text(field.SchemaName);
		if (schemaName === '') return [];
		const options = optionsOf(field);
		return [
			{
				schemaName,
				displayName: text(field.DisplayName) || schemaName,
				dataType: text(field.DataType),
				mandatory: field.IsMandatory === true,
				options: options
					.map((option) => (isObject(option) ? text(option.Value ?? option.Text) : text(option)))
					.filter((option) => option !== ''),
			},
		];
	});
}

/** Dropdown values come as `Options` (a list) or `OptionSet` (a JSON text of {Text, Value}). */
function optionsOf(field: IDataObject): unknown[] {
	if (Array.isArray(field.Options)) return field.Options;
	if (typeof field.OptionSet !== 'string' || field.OptionSet.trim() === '') return [];
	try {
		const parsed = JSON.parse(field.OptionSet) as unknown;
		return Array.isArray(parsed) ? parsed : [];
	} catch {
		return [];
	}
}
