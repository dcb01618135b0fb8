import { readFileSync } from 'fs';
import { join } from 'path';
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { runWorkflow, type WorkflowInput } from './engine';

export interface WorkflowFixture {
	name: string;
	nodes: INode[];
	connections: IConnections;
	testInput: IDataObject[];
}

export function loadWorkflow(name: string): WorkflowFixture {
	return JSON.parse(
		readFileSync(join(__dirname, '..', 'fixtures', 'workflows', `${name}.json`), 'utf8'),
	) as WorkflowFixture;
}

/** Runs a fixture workflow, optionally with other input items or a changed first node. */
export async function runFixture(
	name: string,
	overrides: {
		input?: IDataObject[];
		credentials?: WorkflowInput['credentials'];
		onError?: INode['onError'];
	} = {},
) {
	const fixture = loadWorkflow(name);
	const [first, ...rest] = fixture.nodes;
	const nodes = [
		{ ...first, ...(overrides.onError ? { onError: overrides.onError } : {}) },
		...rest,
	];
	const result = await runWorkflow({
		nodes,
		connections: fixture.connections,
		input: overrides.input ?? fixture.testInput,
		credentials: overrides.credentials,
	});
	return { ...result, output: result.outputs(first.name) };
}
