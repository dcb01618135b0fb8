import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ApiRequest } from '../../../shared/transport';
import { readLeadAttributes, withSearchBy } from '../../helpers/leadFields';
import { leadFieldsFields, postUpdatedLeadOption, searchByFields, optionsCollection } from '../common.descriptions';
import { leadIdOf, messageOf, sendAndShape } from '../sendAndShape';

const properties: INodeProperties[] = [
	...leadFieldsFields('upsert'),
	...searchByFields,
	optionsCollection([postUpdatedLeadOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['createOrUpdate'] } }, properties);

export function prepare(this: IExecuteFunctions, itemIndex: number): ApiRequest {
	const postUpdatedLead = this.getNodeParameter('options.postUpdatedLead', itemIndex, false) as boolean;
	return {
		api: 'v2',
		method: 'POST',
		path: 'LeadManagement.svc/Lead.CreateOrUpdate',
		qs: { postUpdatedLead },
		body: withSearchBy.call(this, itemIndex, readLeadAttributes.call(this, itemIndex)),
		idempotent: false,
	};
}

export const execute = sendAndShape((response) => {
	const message = messageOf(response);
	return { leadId: leadIdOf(message), affectedRows: message.AffectedRows, response };
});
