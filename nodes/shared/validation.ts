import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * The one shape for bad-input errors: the field's label and the item index lead the message,
 * so a user with 500 rows knows which row and which box to fix.
 */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(node, `${field} (item ${itemIndex}): ${problem}`, {
		itemIndex,
		description: hint,
	});
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** LeadSquared lead IDs (ProspectID) and request IDs are GUIDs. */
function isGuid(value: string): boolean {
	return GUID.test(value);
}

export function requireGuid(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	what: string,
): string {
	if (value !== undefined && value !== null && typeof value !== 'string') {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`must be text, not ${describeType(value)}`,
			`Map the ${what} itself, for example {{ $json.id }}.`,
		);
	}
	const text = (value ?? '').trim();
	if (text === '')
		throw invalidInput(
			node,
			itemIndex,
			field,
			'is empty',
			`Enter the ${what}, or map it from a previous node.`,
		);
	if (!isGuid(text)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`"${text.length > 60 ? `${text.slice(0, 60)}…` : text}" is not a valid ${what}`,
			`A ${what} looks like 8e1f2c3a-1b2c-4d5e-8f90-0123456789ab.`,
		);
	}
	return text;
}

export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
