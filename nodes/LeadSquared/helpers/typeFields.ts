import type { IDataObject, IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';

import { parseUserDate, toLeadSquaredDate } from '../../shared/dates';
import { invalidInput } from '../../shared/validation';
import type { TypeField } from '../methods/accountMetadata';
import { toValue } from './leadFields';

/** One custom field of an activity or opportunity, as LeadSquared's Create and Capture take it. */
export interface SchemaValue extends IDataObject {
	SchemaName: string;
	Value: string;
}

/**
 * Reads an activity's or opportunity's own fields from the field mapper and checks them against
 * the type's settings: every field must belong to the type, mandatory ones must have a value,
 * and DateTime fields must be dates (sent in LeadSquared's UTC form). `fields` undefined means
 * the account did not describe the type; the values are then sent as given.
 */
export function readTypeFields(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
	fields: TypeField[] | undefined,
): SchemaValue[] {
	const mapper = this.getNodeParameter(parameter, itemIndex, {
		mappingMode: 'defineBelow',
		value: null,
	}) as ResourceMapperValue;
	if (!fields) return unchecked.call(this, itemIndex, mapper, label);
	const bySchemaName = new Map(fields.map((field) => [field.schemaName.toLowerCase(), field]));
	let values: IDataObject;
	if (mapper.mappingMode === 'autoMapInputData') {
		const item = this.getInputData()[itemIndex]?.json ?? {};
		values = Object.fromEntries(
			Object.entries(item).filter(([name]) => bySchemaName.has(name.toLowerCase())),
		);
	} else {
		values = (mapper.value ?? {}) as IDataObject;
	}

	const sent: SchemaValue[] = [];
	for (const [name, raw] of Object.entries(values)) {
		if (raw === null || raw === undefined || raw === '') continue;
		const field = bySchemaName.get(name.toLowerCase());
		if (!field) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				`${label}, "${name}"`,
				'is not a field of this type',
				'The type\'s fields changed, or another type was chosen: open the field list and click "Refresh", then remove fields marked as missing.',
			);
		}
		sent.push({
			SchemaName: field.schemaName,
			Value: valueFor.call(this, itemIndex, `${label}, "${field.displayName}"`, field, raw),
		});
	}

	const missing = fields.filter(
		(field) => field.mandatory && !sent.some((value) => value.SchemaName === field.schemaName),
	);
	if (missing.length > 0) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			label,
			`mandatory ${missing.length === 1 ? 'field' : 'fields'} ${missing.map((field) => `"${field.displayName}" (${field.schemaName})`).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no value`,
			'Fill in every field marked as required.',
		);
	}
	return sent;
}

function valueFor(
	this: IExecuteFunctions,
	itemIndex: number,
	where: string,
	field: TypeField,
	raw: unknown,
): string {
	if (field.dataType === 'DateTime' || field.dataType === 'Date') {
		const date = parseUserDate(raw);
		if (!date)
			throw invalidInput(
				this.getNode(),
				itemIndex,
				where,
				`${JSON.stringify(String(raw))} is not a date-time`,
				'Use an n8n date-time or ISO 8601 such as 2026-03-01T14:30:00Z.',
			);
		return toLeadSquaredDate(date);
	}
	const value = toValue.call(this, itemIndex, where, raw);
	if (field.options.length > 0 && !field.options.includes(value)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			where,
			`"${value}" is not one of its options`,
			`Use one of: ${field.options.join(', ')}.`,
		);
	}
	return value;
}

function unchecked(
	this: IExecuteFunctions,
	itemIndex: number,
	mapper: ResourceMapperValue,
	label: string,
): SchemaValue[] {
	return Object.entries((mapper.value ?? {}) as IDataObject)
		.filter(([, raw]) => raw !== null && raw !== undefined && raw !== '')
		.map(([name, raw]) => ({
			SchemaName: name,
			Value: toValue.call(this, itemIndex, `${label}, "${name}"`, raw),
		}));
}
