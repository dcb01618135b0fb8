/**
 * The sandbox account's lead fields, in LeadsMetaData.Get's shape. System fields mirror
 * LeadSquared's; the mx_ fields are this sandbox's custom fields.
 */
export interface FieldDefinition {
	SchemaName: string;
	DisplayName: string;
	DataType:
		| 'Text'
		| 'Email'
		| 'Phone'
		| 'Number'
		| 'Date'
		| 'Boolean'
		| 'Select'
		| 'CustomObject'
		| 'Website';
	RenderTypeTextValue: string;
	IsMandatory: boolean;
	IsUnique: boolean;
	IsLeadIdentifier: boolean;
	MaxLength: string;
	Options?: string[];
	/** For custom field sets: the schema names of their own fields. */
	Fields?: string[];
	/** LeadSquared fills it; writes are ignored. */
	ReadOnly?: boolean;
}

const text = (
	SchemaName: string,
	DisplayName: string,
	extra: Partial<FieldDefinition> = {},
): FieldDefinition => ({
	SchemaName,
	DisplayName,
	DataType: 'Text',
	RenderTypeTextValue: 'Textbox',
	IsMandatory: false,
	IsUnique: false,
	IsLeadIdentifier: false,
	MaxLength: '200',
	...extra,
});

export const DEFAULT_FIELDS: FieldDefinition[] = [
	text('ProspectID', 'Lead Id', { ReadOnly: true, IsUnique: true, IsLeadIdentifier: true }),
	text('FirstName', 'First Name'),
	text('LastName', 'Last Name'),
	text('EmailAddress', 'Email', {
		DataType: 'Email',
		RenderTypeTextValue: 'Email',
		IsUnique: true,
		IsLeadIdentifier: true,
	}),
	text('Phone', 'Phone Number', {
		DataType: 'Phone',
		RenderTypeTextValue: 'Phone',
		IsUnique: true,
		IsLeadIdentifier: true,
		MaxLength: '20',
	}),
	text('Mobile', 'Mobile Number', {
		DataType: 'Phone',
		RenderTypeTextValue: 'Phone',
		MaxLength: '20',
	}),
	text('Source', 'Lead Source'),
	text('ProspectStage', 'Lead Stage', {
		DataType: 'Select',
		RenderTypeTextValue: 'Dropdown',
		Options: ['Prospect', 'Opportunity', 'Customer'],
	}),
	text('OwnerIdEmailAddress', 'Owner'),
	text('Company', 'Company'),
	text('JobTitle', 'Job Title'),
	text('Notes', 'Notes', { RenderTypeTextValue: 'TextArea', MaxLength: '2000' }),
	text('LeadType', 'Lead Type', {
		DataType: 'Select',
		RenderTypeTextValue: 'Dropdown',
		Options: ['OT_0', 'OT_1', 'OT_2'],
	}),
	text('mx_City', 'City'),
	text('mx_Budget', 'Budget', { DataType: 'Number', RenderTypeTextValue: 'Textbox' }),
	text('mx_Interested_In', 'Interested In', {
		DataType: 'Select',
		RenderTypeTextValue: 'Dropdown',
		Options: ['Product A', 'Product B', 'Product C'],
	}),
	text('mx_Date_Of_Birth', 'Date of Birth', { DataType: 'Date', RenderTypeTextValue: 'Date' }),
	text('mx_Is_Subscribed', 'Subscribed', { DataType: 'Boolean', RenderTypeTextValue: 'CheckBox' }),
	text('mx_KYC', 'KYC', {
		DataType: 'CustomObject',
		RenderTypeTextValue: 'CustomObject',
		Fields: ['Status', 'mx_CustomObject_1', 'mx_CustomObject_2'],
	}),
];

/** LeadsMetaData.Get's entry for a field. */
export function describeField(field: FieldDefinition, withOptionSets: boolean) {
	return {
		Entity: '1',
		SchemaName: field.SchemaName,
		DisplayName: field.DisplayName,
		DataType: field.DataType,
		IsMandatory: field.IsMandatory,
		MaxLength: field.MaxLength,
		RenderTypeTextValue: field.RenderTypeTextValue,
		IsLeadIdentifier: field.IsLeadIdentifier,
		IsVisible: true,
		IsSearchable: true,
		...(withOptionSets && field.Options
			? { Options: field.Options.map((value) => ({ Value: value, Text: value })) }
			: {}),
	};
}
