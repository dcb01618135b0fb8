/**
 * LeadSquared answers with several date formats, depending on the endpoint; the sandbox
 * reproduces them so clients' date handling is exercised. All times are UTC.
 */
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** "2017-11-30 07:40:18.000": leads. */
export function lsqDateTime(ms: number): string {
	return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** "2017-11-30 07:40:18": activities, tasks, notes, and what requests must send. */
export function lsqSeconds(ms: number): string {
	return lsqDateTime(ms).slice(0, 19);
}

/** "/Date(1502992091000+0000)/": WCF's JSON dates, as in task and activity type settings. */
export function dotNetDate(ms: number): string {
	return `/Date(${ms}+0000)/`;
}

/** "4/6/2023 3:23:31 PM": opportunities. */
export function usDateTime(ms: number): string {
	const date = new Date(ms);
	const hours = date.getUTCHours();
	const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
	return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${clock}`;
}

const LSQ_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** Milliseconds for "yyyy-MM-dd[ HH:mm[:ss[.fff]]]" (UTC), or NaN for anything else. */
export function parseLsqDate(text: string): number {
	const match = LSQ_PATTERN.exec(text.trim());
	if (!match) return NaN;
	const [, year, month, day, hours = '0', minutes = '0', seconds = '0', fraction = '0'] = match;
	const ms = Date.UTC(
		+year,
		+month - 1,
		+day,
		+hours,
		+minutes,
		+seconds,
		+fraction.padEnd(3, '0'),
	);
	return new Date(ms).getUTCDate() === +day ? ms : NaN;
}
