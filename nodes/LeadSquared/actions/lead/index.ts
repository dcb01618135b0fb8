import { defineResource } from '../define';
import { bulkUpdate } from './bulkUpdate.operation';
import { capture } from './capture.operation';
import { captureAsync } from './captureAsync.operation';
import { createOrUpdate } from './createOrUpdate.operation';
import { getRequestStatus } from './getRequestStatus.operation';
import { update } from './update.operation';
import { updateAsync } from './updateAsync.operation';

export const lead = defineResource({
	name: 'Lead',
	operations: { createOrUpdate, update, bulkUpdate, capture, captureAsync, updateAsync, getRequestStatus },
	defaultOperation: 'createOrUpdate',
});
