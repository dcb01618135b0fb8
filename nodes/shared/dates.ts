/**
 * LeadSquared writes date-times three ways depending on the API, all in UTC without saying so:
 * `2017-11-30 07:40:18.000`, `/Date(1502992091000+0000)/` and `4/6/2023 3:23:45 PM`. Output
 * items carry ISO 8601 UTC instead, which n8n's date functions and other apps read as is.
 */
const SQL_STYLE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;
const DOTNET_STYLE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const US_STYLE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AP]M)$/i;

export function leadSquaredDateToIso(value: string): string | undefined {
	let match = SQL_STYLE.exec(value);
	if (match) {
		const [, year, month, day, hour, minute, second, fraction = '0'] = match;
		const millis = Number(`0.${fraction}`) * 1000;
		return isoOf(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, Math.round(millis)));
	}
	match = DOTNET_STYLE.exec(value);
	// The offset in /Date(ms+hhmm)/ only tells the writer's zone; the milliseconds are already UTC.
	if (match) return isoOf(Number(match[1]));
	match = US_STYLE.exec(value);
	if (match) {
		const [, month, day, year, hour, minute, second = '0', half] = match;
		const hour24 = (Number(hour) % 12) + (half.toUpperCase() === 'PM' ? 12 : 0);
		return isoOf(Date.UTC(+year, +month - 1, +day, hour24, +minute, +second));
	}
	return undefined;
}

function isoOf(ms: number): string | undefined {
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** LeadSquared stores and filters dates in UTC as `YYYY-MM-DD HH:MM:SS`. */
export function toLeadSquaredDate(date: Date): string {
	return date
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d{3}Z$/, '');
}

/**
 * A date a user gave: a JavaScript Date, n8n's (Luxon) DateTime, epoch milliseconds or text that
 * JavaScript or LeadSquared can read. Text without a zone is taken as UTC, as LeadSquared does.
 */
export function parseUserDate(value: unknown): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (
		value !== null &&
		typeof value === 'object' &&
		typeof (value as { toJSDate?: unknown }).toJSDate === 'function'
	) {
		return parseUserDate((value as { toJSDate: () => Date }).toJSDate());
	}
	if (typeof value === 'number')
		return Number.isFinite(value) ? parseUserDate(new Date(value)) : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const fromLeadSquared = leadSquaredDateToIso(text);
	if (fromLeadSquared) return new Date(fromLeadSquared);
	// ISO 8601 only: Date.parse also accepts loose forms ("1", "May") that are surely mistakes.
	if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text))
		return undefined;
	const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes('T') ? text : `${text}Z`;
	return parseUserDate(new Date(text.includes('T') ? zoned : `${text}T00:00:00Z`));
}
