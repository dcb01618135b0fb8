import { defineResource } from '../define';
import { getMany } from './getMany.operation';

export const user = defineResource({
	name: 'User',
	operations: { getMany },
	defaultOperation: 'getMany',
});
