import { defineResource } from '../define';
import { create } from './create.operation';
import { getMany } from './getMany.operation';

export const task = defineResource({
	name: 'Task',
	operations: { create, getMany },
	defaultOperation: 'create',
});
