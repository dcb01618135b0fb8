import { parseLsqDate } from './dates';
import { LsqError, type Lead, type LeadStore } from './leads';
import { invalidInput, text } from './shapes';

/** Columns LeadSquared maintains itself: readable and searchable, never in LeadsMetaData writes. */
const SYSTEM_DATES = ['CreatedOn', 'ModifiedOn', 'ProspectActivityDate_Max'];
const SYSTEM_TEXT = ['ProspectActivityName_Max'];

type Kind = 'number' | 'date' | 'text';

export const OPERATORS = ['=', 'LIKE', '>', '<', '>=', '<=', '<>'] as const;
export type Operator = (typeof OPERATORS)[number];

/** Schema names are matched without regard to case, as LeadSquared does ("ProspectId"). */
export class LeadColumns {
	constructor(private readonly store: LeadStore) {}

	/** The canonical schema name, or undefined for a column the account does not have. */
	resolve(name: string): string | undefined {
		const system = [...SYSTEM_DATES, ...SYSTEM_TEXT].find(
			(column) => column.toLowerCase() === name.trim().toLowerCase(),
		);
		return system ?? this.store.field(name.trim())?.SchemaName;
	}

	require(name: unknown, what: string): string {
		const column = typeof name === 'string' ? this.resolve(name) : undefined;
		if (!column) invalidInput(`${what} ${text(name) || '(empty)'} does not exist`);
		return column;
	}

	kind(column: string): Kind {
		if (SYSTEM_DATES.includes(column)) return 'date';
		const type = this.store.field(column)?.DataType;
		return type === 'Number' ? 'number' : type === 'Date' ? 'date' : 'text';
	}

	/** Negative, zero or positive like a sort comparator; NaN when either side is not of the column's kind. */
	compare(column: string, left: string, right: string): number {
		switch (this.kind(column)) {
			case 'number':
				return left.trim() === '' || right.trim() === '' ? NaN : Number(left) - Number(right);
			case 'date':
				return parseLsqDate(left) - parseLsqDate(right);
			default: {
				const [a, b] = [left.toLowerCase(), right.toLowerCase()];
				return a < b ? -1 : a > b ? 1 : 0;
			}
		}
	}
}

/** A compiled Leads.Get criterion, validated before any lead is looked at. */
export function criterion(
	columns: LeadColumns,
	parameter: Record<string, unknown>,
): (lead: Lead) => boolean {
	const column = columns.require(parameter.LookupName, 'LookupName');
	const operator = text(parameter.SqlOperator).trim().toUpperCase();
	const value = text(parameter.LookupValue);
	if (!(OPERATORS as readonly string[]).includes(operator)) {
		throw new LsqError(
			'MXInvalidEntityException',
			`Invalid SqlOperator '${text(parameter.SqlOperator)}'. Use one of ${OPERATORS.join(' ')}`,
		);
	}
	if (operator === 'LIKE') {
		const pattern = new RegExp(`^${value.split('').map(likeCharacter).join('')}$`, 'is');
		return (lead) =>
			typeof lead[column] === 'string' &&
			lead[column] !== '' &&
			pattern.test(lead[column] as string);
	}
	const kind = columns.kind(column);
	if (kind !== 'text' && value !== '' && Number.isNaN(columns.compare(column, value, value))) {
		invalidInput(
			`Invalid LookupValue '${value}' for ${column}: expected a ${kind === 'date' ? 'date (yyyy-MM-dd HH:mm:ss)' : 'number'}`,
		);
	}
	return (lead) => {
		const stored = lead[column];
		// Like SQL's NULL: an empty field matches only "= ''" and no comparison.
		if (typeof stored !== 'string' || stored === '') return operator === '=' && value === '';
		const order = columns.compare(column, stored, value);
		if (Number.isNaN(order)) return false;
		return {
			'=': order === 0,
			'<>': order !== 0,
			'>': order > 0,
			'<': order < 0,
			'>=': order >= 0,
			'<=': order <= 0,
		}[operator as Exclude<Operator, 'LIKE'>];
	};
}

function likeCharacter(character: string): string {
	if (character === '%') return '.*';
	if (character === '_') return '.';
	return character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sorting.ColumnName and Direction; empty values sort first, as NULLs do in ascending SQL. */
export function sortLeads(
	columns: LeadColumns,
	leads: Lead[],
	sorting: Record<string, unknown>,
	fallbackColumn?: string,
): Lead[] {
	const column = sorting.ColumnName
		? columns.require(sorting.ColumnName, 'Sorting ColumnName')
		: fallbackColumn;
	if (!column) return leads;
	const sign = String(sorting.Direction ?? '0') === '1' ? -1 : 1;
	const value = (lead: Lead) => (typeof lead[column] === 'string' ? (lead[column] as string) : '');
	return [...leads].sort((a, b) => {
		const [left, right] = [value(a), value(b)];
		if (left === '' || right === '') return sign * ((left === '' ? 0 : 1) - (right === '' ? 0 : 1));
		const order = columns.compare(column, left, right);
		return sign * (Number.isNaN(order) ? 0 : order);
	});
}

/** Columns.Include_CSV: ProspectID always, requested columns with null when empty; nothing asked = everything. */
export function selectColumns(
	columns: LeadColumns,
	lead: Lead,
	includeCsv: unknown,
): Lead | Record<string, unknown> {
	const wanted = text(includeCsv)
		.split(',')
		.map((name) => columns.resolve(name))
		.filter((name): name is string => Boolean(name));
	if (wanted.length === 0) return structuredClone(lead);
	const picked: Record<string, unknown> = { ProspectID: lead.ProspectID };
	for (const name of wanted)
		picked[name] =
			lead[name] === undefined || lead[name] === '' ? null : structuredClone(lead[name]);
	return picked;
}

/** The LeadPropertyList shape of RecentlyModified (and of "Get Leads in a List"). */
export function propertyList(lead: Record<string, unknown>) {
	return {
		LeadPropertyList: Object.entries(lead).map(([Attribute, value]) =>
			value !== null && typeof value === 'object'
				? {
						Attribute,
						Value: '',
						Fields: Object.entries(value).map(([name, inner]) => ({
							Attribute: name,
							Value: inner,
						})),
					}
				: {
						Attribute,
						Value: value === null || value === undefined ? null : String(value),
						Fields: null,
					},
		),
	};
}
