import { ACCOUNT } from '../seed';
import { v2Routes, type Route } from './types';

/**
 * The account's opportunity types with their fields, for the node's Opportunity Type dropdown
 * and field mapper. LeadSquared documents no such read; the path is this package's inference
 * (OpportunityManagement.svc family), and the field shape follows GetActivitySetting's.
 */
export function opportunityTypeRoutes(): Record<string, Route> {
	return v2Routes({
		'GET /v2/OpportunityManagement.svc/GetOpportunityTypes': () =>
			ACCOUNT.opportunityTypes.map((type) => ({
				OpportunityEventCode: type.OpportunityEventCode,
				Name: type.Name,
				Fields: type.Fields.map((field) => ({
					SchemaName: field.SchemaName,
					DisplayName: field.DisplayName,
					DataType: field.DataType,
					IsMandatory: field.IsMandatory,
					OptionSet: field.Options
						? JSON.stringify(field.Options.map((Value, Order) => ({ Text: Value, Value, Order })))
						: '',
				})),
			})),
	});
}
