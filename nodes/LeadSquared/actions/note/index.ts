import { defineResource } from '../define';
import { create } from './create.operation';
import { getMany } from './getMany.operation';

export const note = defineResource({
	name: 'Note',
	operations: { create, getMany },
	defaultOperation: 'create',
});
