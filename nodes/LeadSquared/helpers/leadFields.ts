import {
	jsonParse,
	type IDataObject,
	type IExecuteFunctions,
	type ResourceMapperValue,
} from 'n8n-workflow';

import { describeType, invalidInput } from '../../shared/validation';
import { identifiesLead, leadFields } from '../methods/leadMetadata';

/** One entry of LeadSquared's request body: `{ Attribute, Value }`, plus `Fields` for custom field sets. */
export interface LeadAttribute extends IDataObject {
	Attribute: string;
	Value: string;
	Fields?: Array<{ Attribute: string; Value: string }>;
}

interface FieldRow {
	attribute?: unknown;
	value?: unknown;
}

interface FieldSetRow extends FieldRow {
	fields?: { field?: FieldRow[] };
}

const SEARCH_BY = 'SearchBy';

/**
 * Reads the lead fields of one item from whichever input mode the user chose, and checks them
 * the way LeadSquared would, so mistakes fail here with the item and field named instead of
 * as a rejected request.
 */
export function readLeadAttributes(this: IExecuteFunctions, itemIndex: number): LeadAttribute[] {
	const mode = inputMode.call(this, itemIndex);
	const attributes =
		mode === 'json'
			? fromJson.call(this, itemIndex)
			: mode === 'mapper'
				? fromMapper.call(this, itemIndex)
				: fromList.call(this, itemIndex);

	if (attributes.length === 0) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			mode === 'json' ? 'Lead Fields (JSON)' : 'Lead Fields',
			'no fields to send',
			mode === 'mapper'
				? 'Fill in at least one field, or with "Map Automatically" give the input item fields named like LeadSquared\'s schema names.'
				: 'Add at least one field, for example EmailAddress.',
		);
	}
	rejectDuplicates.call(this, itemIndex, attributes);
	return attributes;
}

function inputMode(this: IExecuteFunctions, itemIndex: number): string {
	return this.getNodeParameter('fieldsInput', itemIndex, 'mapper') as string;
}

function mapperValue(this: IExecuteFunctions, itemIndex: number): ResourceMapperValue {
	return this.getNodeParameter('columns', itemIndex, {
		mappingMode: 'defineBelow',
		value: null,
	}) as ResourceMapperValue;
}

/**
 * "Map Each Field Below" sends the values the user set; "Map Automatically" sends the input
 * item's properties whose names are lead fields of the account (others are left out, since
 * LeadSquared rejects the whole lead for one unknown field name).
 */
function fromMapper(this: IExecuteFunctions, itemIndex: number): LeadAttribute[] {
	const columns = mapperValue.call(this, itemIndex);
	let values: IDataObject;
	if (columns.mappingMode === 'autoMapInputData') {
		const known = new Set(
			(columns.schema ?? []).filter((field) => !field.removed).map((field) => field.id),
		);
		const item = this.getInputData()[itemIndex]?.json ?? {};
		values = Object.fromEntries(Object.entries(item).filter(([name]) => known.has(name)));
	} else {
		values = (columns.value ?? {}) as IDataObject;
	}
	return Object.entries(values)
		.filter(([, value]) => value !== null && value !== undefined)
		.map(([name, value]) =>
			toAttribute.call(this, itemIndex, `Lead Fields, "${name}"`, name, value),
		);
}

function fromList(this: IExecuteFunctions, itemIndex: number): LeadAttribute[] {
	const rows = this.getNodeParameter('leadFields.fields', itemIndex, []) as FieldRow[];
	const sets = this.getNodeParameter('customFieldSets.sets', itemIndex, []) as FieldSetRow[];
	const attributes = rows.map((row, rowIndex) =>
		toAttribute.call(this, itemIndex, `Lead Fields, row ${rowIndex + 1}`, row.attribute, row.value),
	);
	sets.forEach((set, setIndex) => {
		const label = `Custom Field Sets, set ${setIndex + 1}`;
		const attribute = toAttribute.call(this, itemIndex, label, set.attribute, set.value);
		const fields = (set.fields?.field ?? []).map((field, fieldIndex) => {
			const { Attribute, Value } = toAttribute.call(
				this,
				itemIndex,
				`${label}, field ${fieldIndex + 1}`,
				field.attribute,
				field.value,
			);
			return { Attribute, Value };
		});
		attributes.push(fields.length > 0 ? { ...attribute, Fields: fields } : attribute);
	});
	return attributes;
}

function fromJson(this: IExecuteFunctions, itemIndex: number): LeadAttribute[] {
	const label = 'Lead Fields (JSON)';
	const raw = this.getNodeParameter('leadFieldsJson', itemIndex, '{}') as unknown;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = jsonParse(raw);
		} catch (error) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				label,
				`is not valid JSON (${(error as Error).message})`,
			);
		}
	}

	if (Array.isArray(parsed)) {
		return parsed.map((entry, position) => {
			const where = `${label}, entry ${position}`;
			if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
				throw invalidInput(
					this.getNode(),
					itemIndex,
					where,
					'must be an object like {"Attribute": "FirstName", "Value": "John"}',
				);
			}
			const { Attribute, Value, Fields, ...rest } = entry as IDataObject;
			const unexpected = Object.keys(rest);
			if (unexpected.length > 0) {
				throw invalidInput(
					this.getNode(),
					itemIndex,
					where,
					`has unexpected key "${unexpected[0]}"`,
					'Each entry takes only Attribute, Value and (for custom field sets) Fields.',
				);
			}
			const attribute = toAttribute.call(this, itemIndex, where, Attribute, Value);
			if (Fields === undefined) return attribute;
			if (!Array.isArray(Fields)) {
				throw invalidInput(
					this.getNode(),
					itemIndex,
					`${where}, Fields`,
					'must be an array of {"Attribute", "Value"}',
				);
			}
			return {
				...attribute,
				Fields: Fields.map((field, fieldPosition) => {
					const fieldWhere = `${where}, Fields entry ${fieldPosition}`;
					if (field === null || typeof field !== 'object' || Array.isArray(field)) {
						throw invalidInput(
							this.getNode(),
							itemIndex,
							fieldWhere,
							'must be an object with Attribute and Value',
						);
					}
					const { Attribute: fieldName, Value: fieldValue } = field as IDataObject;
					const { Attribute: a, Value: v } = toAttribute.call(
						this,
						itemIndex,
						fieldWhere,
						fieldName,
						fieldValue,
					);
					return { Attribute: a, Value: v };
				}),
			};
		});
	}

	if (parsed !== null && typeof parsed === 'object') {
		return Object.entries(parsed as IDataObject).map(([name, value]) =>
			toAttribute.call(this, itemIndex, `${label}, "${name}"`, name, value),
		);
	}
	throw invalidInput(
		this.getNode(),
		itemIndex,
		label,
		'must be a JSON object or array',
		'For example {"FirstName": "John", "EmailAddress": "john@example.com"}.',
	);
}

export function toAttribute(
	this: IExecuteFunctions,
	itemIndex: number,
	where: string,
	attribute: unknown,
	value: unknown,
): LeadAttribute {
	if (typeof attribute !== 'string') {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			where,
			`the field name must be text, not ${describeType(attribute)}`,
		);
	}
	const name = attribute.trim();
	if (name === '') throw invalidInput(this.getNode(), itemIndex, where, 'the field name is empty');
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			where,
			`"${name}" is not a LeadSquared schema name`,
			'Schema names contain only letters, digits and underscores, e.g. FirstName or mx_City (not the display name "First Name").',
		);
	}
	if (name === SEARCH_BY) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			where,
			'SearchBy is not a lead field',
			'Use the Search By option to choose the matching field.',
		);
	}
	return { Attribute: name, Value: toValue.call(this, itemIndex, `${where} (${name})`, value) };
}

export function toValue(
	this: IExecuteFunctions,
	itemIndex: number,
	where: string,
	value: unknown,
): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') {
		if (!Number.isFinite(value))
			throw invalidInput(
				this.getNode(),
				itemIndex,
				where,
				`${value} is not a number LeadSquared can store`,
			);
		return String(value);
	}
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) return toLeadSquaredDate(value);
	// Luxon DateTime, which n8n uses for dates in expressions and in the field mapper.
	if (
		typeof value === 'object' &&
		typeof (value as { toJSDate?: unknown }).toJSDate === 'function'
	) {
		return toLeadSquaredDate((value as { toJSDate: () => Date }).toJSDate());
	}
	throw invalidInput(
		this.getNode(),
		itemIndex,
		where,
		`the value must be text, a number or true/false, not ${describeType(value)}`,
		'Map a single property, or join list values into one text.',
	);
}

/** LeadSquared stores dates in UTC as `YYYY-MM-DD HH:MM:SS`. */
function toLeadSquaredDate(date: Date): string {
	return date
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d{3}Z$/, '');
}

function rejectDuplicates(
	this: IExecuteFunctions,
	itemIndex: number,
	attributes: LeadAttribute[],
): void {
	const seen = new Set<string>();
	for (const { Attribute } of attributes) {
		const key = Attribute.toLowerCase();
		if (seen.has(key)) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				'Lead Fields',
				`"${Attribute}" is set more than once`,
				'Keep one value per field.',
			);
		}
		seen.add(key);
	}
}

const SEARCH_BY_FIELD_LABEL = 'Search By Field Name or ID';

/**
 * The lead's fields as LeadSquared's matching endpoints (Capture, Create or Update, Opportunity
 * Capture) take them: the attributes, then Search By's field. A field from "Other Unique Field"
 * is checked against the account's unique fields, after the checks that need no call.
 */
export async function leadDetailsWithSearchBy(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<LeadAttribute[]> {
	const attributes = readLeadAttributes.call(this, itemIndex);
	const choice = searchByChoice.call(this, itemIndex);
	if (choice?.otherField && choice.field !== '')
		await requireUniqueField.call(this, itemIndex, choice.field);
	return withSearchBy.call(this, itemIndex, attributes, choice);
}

/**
 * Appends LeadSquared's `SearchBy` pseudo-field. It goes last, as other integrators found it
 * must, and it must name a field this request sends, or LeadSquared has nothing to match on.
 */
function withSearchBy(
	this: IExecuteFunctions,
	itemIndex: number,
	attributes: LeadAttribute[],
	choice: SearchByChoice | undefined,
): LeadAttribute[] {
	if (choice === undefined) return attributes;
	const { field } = choice;
	if (field === '') {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			SEARCH_BY_FIELD_LABEL,
			'is empty',
			"Choose one of your account's unique fields.",
		);
	}
	const sent = attributes.find(
		(attribute) => attribute.Attribute.toLowerCase() === field.toLowerCase(),
	);
	if (!sent || sent.Value === '') {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Search By',
			`searches by ${field}, but no ${field} value is sent`,
			`Add ${field} to the lead fields, or choose another Search By.`,
		);
	}
	return [...attributes, { Attribute: SEARCH_BY, Value: sent.Attribute }];
}

/**
 * The field to search by, or undefined for LeadSquared's default matching. `otherField` marks a
 * name from "Other Unique Field", which may be typed or come from an expression.
 */
interface SearchByChoice {
	field: string;
	otherField: boolean;
}

function searchByChoice(this: IExecuteFunctions, itemIndex: number): SearchByChoice | undefined {
	if (inputMode.call(this, itemIndex) === 'mapper') {
		// The mapper offers only fields that identify a lead as match columns.
		const matched = mapperValue.call(this, itemIndex).matchingColumns?.[0];
		return matched === undefined ? undefined : { field: matched, otherField: false };
	}
	const choice = this.getNodeParameter('searchBy', itemIndex, 'default') as string;
	if (choice === 'default') return undefined;
	if (choice !== 'other') return { field: choice, otherField: false };
	return {
		field: String(this.getNodeParameter('searchByField', itemIndex, '') ?? '').trim(),
		otherField: true,
	};
}

/**
 * LeadSquared searches by a field only if the account marks it unique; with any other field
 * it may match the wrong lead or none, so the name is checked against the account's fields
 * (read once per run) before anything is sent.
 */
async function requireUniqueField(
	this: IExecuteFunctions,
	itemIndex: number,
	field: string,
): Promise<void> {
	const fields = await leadFields.call(this, { withOptionSets: false });
	const known = fields.find(
		(candidate) => candidate.SchemaName.toLowerCase() === field.toLowerCase(),
	);
	if (known && identifiesLead(known)) return;
	const unique = fields.filter(identifiesLead).map((candidate) => candidate.SchemaName);
	throw invalidInput(
		this.getNode(),
		itemIndex,
		SEARCH_BY_FIELD_LABEL,
		known
			? `${field} is not a unique field in this LeadSquared account`
			: `${field} is not a lead field in this LeadSquared account`,
		`Choose one of the account's unique fields (${unique.join(', ')}), or ask a LeadSquared admin to mark ${field} unique under Settings > Customization > Lead Fields.`,
	);
}
