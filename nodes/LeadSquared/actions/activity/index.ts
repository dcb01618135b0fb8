import { defineResource } from '../define';
import { create } from './create.operation';
import { getMany } from './getMany.operation';

export const activity = defineResource({
	name: 'Activity',
	operations: { create, getMany },
	defaultOperation: 'create',
});
