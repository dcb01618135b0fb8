import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toOutputItems } from '../../shared/outputItems';
import { runItems, type ItemOperation } from '../../shared/itemRunner';
import { callConcurrency } from '../../shared/transport';
import * as lead from './lead';

type LeadOperationName = 'bulkUpdate' | 'capture' | 'captureAsync' | 'createOrUpdate' | 'getRequestStatus' | 'update' | 'updateAsync';

/** Owns the item loop and Continue On Fail for every operation of the LeadSquared node. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operationName = this.getNodeParameter('operation', 0) as LeadOperationName;
	const operation = lead[operationName] as unknown as ItemOperation<unknown, IDataObject>;
	const outcomes = await runItems(this, this.getInputData().length, operation, await callConcurrency.call(this));
	return [toOutputItems(outcomes)];
}
