import { defineResource } from '../define';
import { bulkUpdate } from './bulkUpdate.operation';
import { capture } from './capture.operation';
import { captureAsync } from './captureAsync.operation';
import { createOrUpdate } from './createOrUpdate.operation';
import { deleteLead } from './delete.operation';
import { getLead } from './get.operation';
import { getManyByIds } from './getManyByIds.operation';
import { getRecentlyModified } from './getRecentlyModified.operation';
import { getRequestStatus } from './getRequestStatus.operation';
import { quickSearch } from './quickSearch.operation';
import { search } from './search.operation';
import { update } from './update.operation';
import { updateAsync } from './updateAsync.operation';

export const lead = defineResource({
	name: 'Lead',
	operations: {
		createOrUpdate,
		update,
		bulkUpdate,
		capture,
		captureAsync,
		updateAsync,
		getRequestStatus,
		get: getLead,
		search,
		getManyByIds,
		getRecentlyModified,
		quickSearch,
		delete: deleteLead,
	},
	defaultOperation: 'createOrUpdate',
});
