import { defineResource } from '../define';
import { addLeads } from './addLeads.operation';
import { getMany } from './getMany.operation';
import { removeLead } from './removeLead.operation';

export const list = defineResource({
	name: 'List',
	operations: { addLeads, getMany, removeLead },
	defaultOperation: 'addLeads',
});
