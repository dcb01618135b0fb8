import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { toErrorItem } from '../../shared/outputItems';
import { findOperation } from './resources';

/**
 * Owns the item loop and Continue On Fail for every operation of the LeadSquared node. An
 * input item yields as many output items as its operation returns, each paired with it; a failed
 * input item yields exactly one error item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not known for the resource "${resource}"`,
		);
	}

	const output: INodeExecutionData[] = [];
	for (const outcome of await operation.run(this)) {
		if ('error' in outcome) {
			output.push(toErrorItem(outcome));
			continue;
		}
		const items = this.helpers.returnJsonArray(outcome.result);
		output.push(
			...this.helpers.constructExecutionMetaData(items, { itemData: { item: outcome.itemIndex } }),
		);
	}
	return [output];
}
