import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { leadSquaredRequest, type ApiRequest } from '../../shared/transport';

/** The `execute` of every operation that is one call followed by reshaping the answer. */
export function sendAndShape(shape: (response: IDataObject, request: ApiRequest) => IDataObject) {
	return async function execute(this: IExecuteFunctions, request: ApiRequest, itemIndex: number): Promise<IDataObject> {
		const response = await leadSquaredRequest.call<IExecuteFunctions, [ApiRequest, number], Promise<IDataObject>>(
			this,
			request,
			itemIndex,
		);
		return shape(response, request);
	};
}

/** LeadSquared's success bodies wrap the useful part in `Message`. */
export function messageOf(response: IDataObject): IDataObject {
	const message = response.Message;
	return message !== null && typeof message === 'object' && !Array.isArray(message) ? (message as IDataObject) : {};
}

/** Lead ids appear as `Id`, and in some newer answers as `RelatedId`/`RelatedID`. */
export function leadIdOf(message: IDataObject): string | undefined {
	const id = message.Id ?? message.RelatedId ?? message.RelatedID;
	return typeof id === 'string' ? id : undefined;
}
