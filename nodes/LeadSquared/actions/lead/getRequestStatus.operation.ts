import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requestIdField, requestTypeField, statusPathOption } from '../../../shared/descriptions/asyncRequest';
import { normaliseStatus, readStatusQuery, type StatusQuery } from '../../../shared/requestStatus';
import { assertAsyncConfigured, leadSquaredRequest } from '../../../shared/transport';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	requestIdField,
	requestTypeField,
	optionsCollection([statusPathOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['getRequestStatus'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<StatusQuery> {
	const query = readStatusQuery.call(this, itemIndex);
	await assertAsyncConfigured.call(this, itemIndex);
	return query;
}

export async function execute(this: IExecuteFunctions, query: StatusQuery, itemIndex: number): Promise<IDataObject> {
	const body = await leadSquaredRequest.call<IExecuteFunctions, [typeof query.request, number], Promise<IDataObject>>(
		this,
		query.request,
		itemIndex,
	);
	return normaliseStatus(body, query);
}
