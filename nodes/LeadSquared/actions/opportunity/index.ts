import { defineResource } from '../define';
import { capture } from './capture.operation';
import { getMany } from './getMany.operation';

export const opportunity = defineResource({
	name: 'Opportunity',
	operations: { capture, getMany },
	defaultOperation: 'capture',
});
