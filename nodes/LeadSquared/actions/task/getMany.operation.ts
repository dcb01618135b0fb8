import { leadRecordsOperation } from '../listRecords';

export const getMany = leadRecordsOperation(
	{ description: 'List the tasks related to a lead', action: 'Get many tasks of a lead' },
	// Documented as a GET under LeadManagement.svc; it may answer with every task at once, which
	// the pager takes as the last page.
	{
		path: 'LeadManagement.svc/RetrieveTaskByLeadId',
		method: 'GET',
		paging: 'offset',
		recordKeys: ['TaskList', 'Tasks'],
	},
);
