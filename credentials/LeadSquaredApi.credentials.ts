import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	API_HOSTS,
	ASYNC_API_HOSTS,
	AUTO_DETECT_HOST,
	CUSTOM_HOST,
	DISCOVERY_BASE_URL,
} from '../nodes/shared/hosts';
import { REQUEST_KIND_HEADER, type AuthScheme } from '../nodes/shared/authScheme';

export class LeadSquaredApi implements ICredentialType {
	name = 'leadSquaredApi';

	displayName = 'LeadSquared API';

	icon: Icon = {
		light: 'file:../icons/leadsquared.svg',
		dark: 'file:../icons/leadsquared.dark.svg',
	};

	documentationUrl = 'https://apidocs.leadsquared.com/authentication/';

	properties: INodeProperties[] = [
		// The rule goes by the field's name, and "accessKey" matches none of its secret words. Here
		// it is one half of the key pair that authenticates every call as an admin user, so it is
		// masked like the secret key, and redacted from errors, logs and execution data.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"In LeadSquared: My Account > Settings > API and Webhooks > API Access Keys. Use an active admin user's keys: calls run with that user's permissions.",
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Shown next to the access key after clicking "Show Secret Key"',
		},
		{
			displayName: 'API Host',
			name: 'apiHost',
			type: 'options',
			options: [
				{
					name: 'Auto-Detect From the Keys',
					value: AUTO_DETECT_HOST,
					description:
						'Asks LeadSquared which region the keys belong to (one extra call per n8n process)',
				},
				...API_HOSTS,
				{ name: 'Custom', value: CUSTOM_HOST, description: 'Another host, or a local sandbox' },
			],
			default: AUTO_DETECT_HOST,
			description:
				'The region of your LeadSquared account, shown in My Account > Settings > API and Webhooks > API Access Keys. The wrong region answers 401 even with correct keys.',
		},
		{
			displayName: 'Custom API Host',
			name: 'customApiHost',
			type: 'string',
			default: '',
			placeholder: 'https://api-xx00.leadsquared.com',
			description:
				'Base URL without /v2, for example https://api-in21.leadsquared.com or http://127.0.0.1:8787',
			displayOptions: { show: { apiHost: [CUSTOM_HOST] } },
		},
		{
			displayName: 'Async API Key (x-api-key)',
			name: 'asyncApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only needed for Capture (Async), Update (Async), Get Request Status and the Wait for Request node. LeadSquared issues this key separately from the access key; ask your LeadSquared account manager or support if you do not have it.',
		},
		{
			displayName: 'Async API Host',
			name: 'asyncApiHost',
			type: 'options',
			options: [
				{
					name: 'Same Region as the API Host',
					value: AUTO_DETECT_HOST,
					description: 'Works for the Singapore, United States and India (Mumbai) regions',
				},
				...ASYNC_API_HOSTS,
				{ name: 'Custom', value: CUSTOM_HOST },
			],
			default: AUTO_DETECT_HOST,
		},
		{
			displayName: 'Custom Async API Host',
			name: 'customAsyncApiHost',
			type: 'string',
			default: '',
			placeholder: 'https://asyncapi-xx00.leadsquared.com',
			displayOptions: { show: { asyncApiHost: [CUSTOM_HOST] } },
		},
		{
			displayName: 'Rate Limit (Calls per 5 Seconds)',
			name: 'callsPer5Seconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 25,
			description:
				"Your plan's API limit (Enterprise 25; Pro and Super plans 10-20). The nodes never go faster than this. If LeadSquared reports a lower figure they slow down to it, and they leave room for other workers and integrations using the same keys.",
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'requestTimeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 60,
			description: 'How long to wait for LeadSquared to answer one call',
		},
		{
			displayName: 'Max Retry Time (Seconds)',
			name: 'maxRetrySeconds',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 3600 },
			default: 120,
			description:
				'How long one item may keep retrying calls that LeadSquared throttled or that never reached it, before the item fails. Calls that may have been applied are never retried.',
		},
	];

	/**
	 * Where the keys go depends on the endpoint: v2 calls take them as headers (a `$` in an
	 * access key breaks naive query strings), the documented async calls take them in the query
	 * string plus `x-api-key`, and async status calls need only `x-api-key`. The transport says
	 * which scheme a request needs; anything else (e.g. the HTTP Request node) gets v2 headers.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...(requestOptions.headers ?? {}) };
		const scheme = (headers[REQUEST_KIND_HEADER] as AuthScheme | undefined) ?? 'v2';
		delete headers[REQUEST_KIND_HEADER];

		if (scheme === 'v2') {
			headers['x-LSQ-AccessKey'] = credentials.accessKey as string;
			headers['x-LSQ-SecretKey'] = credentials.secretKey as string;
			return { ...requestOptions, headers };
		}

		headers['x-api-key'] = credentials.asyncApiKey as string;
		if (scheme === 'asyncStatus') return { ...requestOptions, headers };

		const qs = {
			...(requestOptions.qs ?? {}),
			accessKey: credentials.accessKey,
			secretKey: credentials.secretKey,
		};
		return { ...requestOptions, headers, qs };
	}

	// UserByAccessKey.Get answers on every regional host, so it proves the keys even before the
	// region is right; a wrong region is diagnosed by the node on its first 401.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.apiHost === "${CUSTOM_HOST}" ? ($credentials.customApiHost.startsWith("http") ? $credentials.customApiHost : "https://" + $credentials.customApiHost).replace(/\\/+$/, "") : ($credentials.apiHost === "${AUTO_DETECT_HOST}" ? "${DISCOVERY_BASE_URL}" : $credentials.apiHost) }}`,
			url: '/v2/Authentication.svc/UserByAccessKey.Get',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						"LeadSquared rejected the access key or secret key. Copy both again from My Account > Settings > API and Webhooks > API Access Keys, and check that the key's user is still active.",
				},
			},
		],
	};
}
