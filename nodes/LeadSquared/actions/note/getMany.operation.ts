import { leadRecordsOperation } from '../listRecords';

export const getMany = leadRecordsOperation(
	{ description: "List a lead's notes", action: 'Get many notes of a lead' },
	{ path: 'LeadManagement.svc/RetrieveNote', paging: 'pageIndex', recordKeys: ['Notes', 'List'] },
);
