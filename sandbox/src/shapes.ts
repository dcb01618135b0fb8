import { randomUUID } from 'crypto';

import { LsqError } from './leads';

/** LeadSquared reports bad input as HTTP 500 with an MX exception type. */
export function invalidInput(message: string): never {
	throw new LsqError('MXInvalidInputException', message);
}

export function missing(message: string): never {
	throw new LsqError('MXMandatoryAttributeMissingException', message);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const newId = (): string => randomUUID();

/** Ids are GUIDs throughout LeadSquared; anything else is refused before any lookup. */
export function guid(value: unknown, name: string): string {
	if (typeof value !== 'string' || value === '') missing(`'${name}' is mandatory`);
	if (!GUID.test(value)) invalidInput(`Invalid ${name}: '${value}' is not a valid Guid`);
	return value.toLowerCase();
}

export function text(value: unknown): string {
	if (value === null || value === undefined) return '';
	return typeof value === 'object' ? '' : String(value);
}

export function record(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

function whole(value: unknown, name: string, fallback: number): number {
	if (value === undefined || value === null || value === '') return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 0)
		invalidInput(`Invalid Input! Parameter Name: ${name} must be a whole number`);
	return number;
}

export interface Page<T> {
	total: number;
	items: T[];
}

/** PageIndex (1-based) and PageSize: leads, lists, notes, opportunities. */
export function pageByIndex<T>(
	items: T[],
	paging: unknown,
	{ size, max }: { size: number; max: number },
): Page<T> {
	const { PageIndex, PageSize } = record(paging);
	const index = whole(PageIndex, 'PageIndex', 1);
	const pageSize = whole(PageSize, 'PageSize', size);
	if (index < 1) invalidInput('Invalid Input! Parameter Name: PageIndex must be 1 or more');
	if (pageSize > max)
		invalidInput(`Invalid Input! Parameter Name: PageSize can not be more than ${max}`);
	return { total: items.length, items: items.slice((index - 1) * pageSize, index * pageSize) };
}

/** Offset (rows skipped) and RowCount: activities. */
export function pageByOffset<T>(
	items: T[],
	paging: unknown,
	{ size, max }: { size: number; max: number },
): Page<T> {
	const { Offset, RowCount } = record(paging);
	const offset = whole(Offset, 'Offset', 0);
	const rows = whole(RowCount, 'RowCount', size);
	if (rows > max)
		invalidInput(`Invalid Input! Parameter Name: RowCount can not be more than ${max}`);
	return { total: items.length, items: items.slice(offset, offset + rows) };
}

/** Sorting.Direction: "1" newest/largest first, "0" oldest first. */
export function descending(sorting: unknown, fallback: boolean): boolean {
	const direction = record(sorting).Direction;
	return direction === undefined || direction === null || direction === ''
		? fallback
		: String(direction) === '1';
}

export const success = (message: unknown) => ({ Status: 'Success', Message: message });
