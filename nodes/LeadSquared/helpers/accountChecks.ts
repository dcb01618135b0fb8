import type { IExecuteFunctions } from 'n8n-workflow';

import { parseUserDate, toLeadSquaredDate } from '../../shared/dates';
import { describeType, invalidInput, requireGuid } from '../../shared/validation';
import {
	activityTypes,
	opportunityTypes,
	taskTypes,
	users,
	type ActivityType,
	type OpportunityType,
	type User,
} from '../methods/accountMetadata';

/**
 * Readers for item parameters that must name something the account has (an activity type, a
 * user, ...) or have a format LeadSquared requires (dates, IDs). They throw the house's
 * "Field (item N): problem" error, so every operation refuses such input before sending it.
 */

function rawText(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
): string {
	const value = context.getNodeParameter(parameter, itemIndex, '') as unknown;
	if (value === undefined || value === null) return '';
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string')
		throw invalidInput(
			context.getNode(),
			itemIndex,
			label,
			`must be text, not ${describeType(value)}`,
		);
	return value.trim();
}

/** Text the user must fill in, e.g. a task's name or a note. */
export function readRequiredText(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
	hint: string,
): string {
	const value = rawText(this, itemIndex, parameter, label);
	if (value === '') throw invalidInput(this.getNode(), itemIndex, label, 'is empty', hint);
	return value;
}

export function readOptionalText(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
): string | undefined {
	const value = rawText(this, itemIndex, parameter, label);
	return value === '' ? undefined : value;
}

/** A date-time in LeadSquared's UTC form, or undefined when the field is left empty. */
export function readDate(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
): string | undefined {
	const value = this.getNodeParameter(parameter, itemIndex, '') as unknown;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	const date = parseUserDate(value);
	if (!date) {
		const shown = typeof value === 'string' ? `"${value}"` : describeType(value);
		throw invalidInput(
			this.getNode(),
			itemIndex,
			label,
			`${shown} is not a date-time`,
			'Pick a date, map an n8n date-time, or write ISO 8601 such as 2026-03-01T14:30:00Z (no zone means UTC).',
		);
	}
	return toLeadSquaredDate(date);
}

async function readCode<T extends { code: number; name: string }>(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
	known: T[],
	what: string,
): Promise<T> {
	const value = rawText(context, itemIndex, parameter, label);
	if (value === '')
		throw invalidInput(
			context.getNode(),
			itemIndex,
			label,
			'is empty',
			`Choose the ${what} from the list, or map its code.`,
		);
	const found =
		known.find((type) => String(type.code) === value) ??
		known.find((type) => type.name.toLowerCase() === value.toLowerCase());
	if (!found) {
		const names = known
			.slice(0, 10)
			.map((type) => `${type.code} (${type.name})`)
			.join(', ');
		throw invalidInput(
			context.getNode(),
			itemIndex,
			label,
			`the account has no ${what} "${value}"`,
			known.length > 0
				? `Use one of the account's codes, e.g. ${names}.`
				: `The account has no ${what}s; add one in LeadSquared first.`,
		);
	}
	return found;
}

/** The item's activity type, as a code or name the account has. */
export async function readActivityType(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'activityType',
): Promise<ActivityType> {
	return await readCode(
		this,
		itemIndex,
		parameter,
		'Activity Type',
		await activityTypes.call(this),
		'activity type',
	);
}

export async function readOpportunityType(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'opportunityType',
): Promise<OpportunityType> {
	const known = await opportunityTypes.call(this);
	if (known)
		return await readCode(
			this,
			itemIndex,
			parameter,
			'Opportunity Type',
			known,
			'opportunity type',
		);
	// The account does not list its types: take a code as given, LeadSquared checks it.
	const value = rawText(this, itemIndex, parameter, 'Opportunity Type');
	if (!/^\d+$/.test(value)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Opportunity Type',
			value === '' ? 'is empty' : `"${value}" is not an opportunity type code`,
			"This account does not list its opportunity types, so give the type's code (a number such as 12002, shown in LeadSquared's opportunity settings).",
		);
	}
	return { code: Number(value), name: value };
}

/** Optional: an empty activity-type filter means every type. */
export async function readActivityTypeFilter(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
): Promise<ActivityType | undefined> {
	if (rawText(this, itemIndex, parameter, 'Activity Type') === '') return undefined;
	return await readActivityType.call(this, itemIndex, parameter);
}

/** A task type name the account has; LeadSquared's Create takes the name, not the ID. */
export async function readTaskType(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'taskType',
): Promise<string> {
	const label = 'Task Type';
	const value = rawText(this, itemIndex, parameter, label);
	if (value === '')
		throw invalidInput(
			this.getNode(),
			itemIndex,
			label,
			'is empty',
			'Choose the task type from the list, or map its name.',
		);
	const known = await taskTypes.call(this);
	const found = known.find(
		(type) =>
			type.name.toLowerCase() === value.toLowerCase() ||
			type.id.toLowerCase() === value.toLowerCase(),
	);
	if (!found) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			label,
			`the account has no task type "${value}"`,
			`Use one of: ${known.map((type) => type.name).join(', ') || '(none set up in LeadSquared)'}.`,
		);
	}
	return found.name;
}

/**
 * An owner given as a user's ID or email address; it must be an active user of the account,
 * since LeadSquared assigns to active users only. Undefined when the field is left empty.
 */
export async function readOwner(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
): Promise<User | undefined> {
	const value = rawText(this, itemIndex, parameter, label);
	if (value === '') return undefined;
	return await findActiveUser(this, itemIndex, label, value);
}

async function findActiveUser(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: string,
): Promise<User> {
	const wanted = value.toLowerCase();
	const user = (await users.call(context)).find(
		(candidate) =>
			candidate.id.toLowerCase() === wanted || candidate.email.toLowerCase() === wanted,
	);
	if (!user) {
		throw invalidInput(
			context.getNode(),
			itemIndex,
			label,
			`"${value}" is not a user of this LeadSquared account`,
			"Choose a user from the list, or map a user's ID or email address.",
		);
	}
	if (!user.active) {
		throw invalidInput(
			context.getNode(),
			itemIndex,
			label,
			`${user.name} (${user.email}) is not an active user`,
			'Choose an active user; LeadSquared does not assign records to deactivated users.',
		);
	}
	return user;
}

/** A static list's ID; lists are GUIDs like leads. */
export function readListId(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'listId',
): string {
	return requireGuid(
		this.getNode(),
		itemIndex,
		'List',
		this.getNodeParameter(parameter, itemIndex, ''),
		'list ID',
	);
}
