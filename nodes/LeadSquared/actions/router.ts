import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toOutputItems } from '../../shared/outputItems';
import { runItems, type ItemOperation } from '../../shared/itemRunner';
import * as lead from './lead';

type LeadOperationName = 'bulkUpdate' | 'capture' | 'captureAsync' | 'createOrUpdate' | 'getRequestStatus' | 'update' | 'updateAsync';

// Enough calls in flight to fill LeadSquared's budget when each call takes a second or more;
// the transport's rate limiter decides when each one actually starts.
const ITEM_CONCURRENCY = 25;

/** Owns the item loop and Continue On Fail for every operation of the LeadSquared node. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operationName = this.getNodeParameter('operation', 0) as LeadOperationName;
	const operation = lead[operationName] as unknown as ItemOperation<unknown, IDataObject>;
	const outcomes = await runItems(this, this.getInputData().length, operation, ITEM_CONCURRENCY);
	return [toOutputItems(outcomes)];
}
