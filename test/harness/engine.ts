/**
 * Runs workflows containing this package's nodes through n8n-core's real WorkflowExecute, with
 * a credentials helper that applies the credential's own `authenticate`, so header and
 * query-string placement of the keys is exercised exactly as n8n does it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	LoggerProxy,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunExecutionData,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IConnections,
} from 'n8n-workflow';

import { LeadSquaredApi } from '../../credentials/LeadSquaredApi.credentials';
import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import { LeadSquaredWaitForRequest } from '../../nodes/LeadSquaredWaitForRequest/LeadSquaredWaitForRequest.node';
import { LeadSquaredPollingTrigger } from '../../nodes/LeadSquaredPollingTrigger/LeadSquaredPollingTrigger.node';
import { LeadSquaredTrigger } from '../../nodes/LeadSquaredTrigger/LeadSquaredTrigger.node';

export const PACKAGE = 'n8n-nodes-leadsquared';
export const LEAD_NODE = `${PACKAGE}.leadSquared`;
export const WAIT_NODE = `${PACKAGE}.leadSquaredWaitForRequest`;
export const TRIGGER_NODE = `${PACKAGE}.leadSquaredTrigger`;
export const POLLING_TRIGGER_NODE = `${PACKAGE}.leadSquaredPollingTrigger`;

const nodeClasses: Record<string, INodeType> = {
	[LEAD_NODE]: new LeadSquared(),
	[WAIT_NODE]: new LeadSquaredWaitForRequest(),
	[TRIGGER_NODE]: new LeadSquaredTrigger(),
	[POLLING_TRIGGER_NODE]: new LeadSquaredPollingTrigger(),
};

const nodeTypes: INodeTypes = {
	getByName: (type: string) => nodeClasses[type] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type: string, version?: number) =>
		NodeHelpers.getVersionedNodeType(nodeClasses[type], version),
	getKnownTypes: () => ({}),
} as INodeTypes;

const credentialType = new LeadSquaredApi();

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (typeName !== credentialType.name || typeof credentialType.authenticate !== 'function') {
			throw new Error(`Unexpected credential type ${typeName}`);
		}
		return await credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

export const TEST_CREDENTIALS = {
	accessKey: 'u$r0test-access-key',
	secretKey: 'test-secret-key-0123',
	asyncApiKey: 'test-async-api-key-4567',
	apiHost: 'custom',
	customApiHost: 'https://api-test.leadsquared.test',
	asyncApiHost: 'custom',
	customAsyncApiHost: 'https://asyncapi-test.leadsquared.test',
	callsPer5Seconds: 1000,
};

export const API_BASE = TEST_CREDENTIALS.customApiHost;
export const ASYNC_BASE = TEST_CREDENTIALS.customAsyncApiHost;

export interface LogLine {
	level: string;
	message: string;
	meta?: unknown;
}

const capturedLogs: LogLine[] = [];
const capture = (level: string) => (message: string, meta?: unknown) =>
	capturedLogs.push({ level, message, meta });
LoggerProxy.init({
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
	verbose: capture('verbose'),
} as unknown as Parameters<typeof LoggerProxy.init>[0]);

/** What n8n-core's own logger wrote (test/setup-env.ts sends it to a file), for leak checks. */
export function readCoreLog(): string {
	const file = process.env.N8N_LOG_FILE_LOCATION;
	return file && existsSync(file) ? readFileSync(file, 'utf8') : '';
}

export interface WorkflowRun {
	run: IRun;
	/** Every output of every run of every node, by node name. */
	outputs(nodeName: string): INodeExecutionData[][];
	error: IRun['data']['resultData']['error'];
	logs: LogLine[];
}

export interface WorkflowInput {
	nodes: INode[];
	connections: IConnections;
	/** Items fed to the first node (the workflow's start node). */
	input: IDataObject[];
	credentials?: Partial<typeof TEST_CREDENTIALS> & IDataObject;
	/** Cancels the execution this long after it starts, as the Stop button in n8n does. */
	cancelAfterMs?: number;
}

export async function runWorkflow({
	nodes,
	connections,
	input,
	credentials,
	cancelAfterMs,
}: WorkflowInput): Promise<WorkflowRun> {
	capturedLogs.length = 0;
	const workflowData = {
		id: 'test-workflow',
		name: 'test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings: {},
	} as unknown as IWorkflowBase;
	const workflow = buildWorkflow(nodes, connections);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const additionalData = buildAdditionalData(credentials, hooks);

	const startNode = nodes[0];
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			nodeExecutionStack: [
				{ node: startNode, data: { main: [input.map((json) => ({ json }))] }, source: null },
			],
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;

	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const processing = execution.processRunExecutionData(workflow);
	const canceller =
		cancelAfterMs === undefined ? undefined : setTimeout(() => processing.cancel(), cancelAfterMs);
	const run = await finished;
	if (canceller) clearTimeout(canceller);
	return {
		run,
		error: run.data.resultData.error,
		logs: [...capturedLogs],
		outputs: (nodeName) =>
			run.data.resultData.runData[nodeName]?.[0]?.data?.main?.map((items) => items ?? []) ?? [],
	};
}

export function buildWorkflow(nodes: INode[], connections: IConnections): Workflow {
	return new Workflow({
		id: 'test-workflow',
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: {},
	});
}

export function buildAdditionalData(
	credentials: WorkflowInput['credentials'],
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper({ ...TEST_CREDENTIALS, ...(credentials ?? {}) }),
		hooks,
		executionId: 'test-execution',
		restApiUrl: '',
		instanceBaseUrl: '',
		formWaitingBaseUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		variables: {},
		currentNodeExecutionIndex: 0,
		executeWorkflow: async () => ({ data: [], executionId: '' }),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** What the editor uses to fill dropdowns and the field mapper: the real load-options context. */
export function loadOptionsContext(
	parameters: IDataObject,
	credentials?: WorkflowInput['credentials'],
): LoadOptionsContext {
	const node = {
		id: 'node-under-test',
		name: 'Node',
		type: LEAD_NODE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { leadSquaredApi: { id: '1', name: 'LeadSquared account' } },
	} as unknown as INode;
	// The editor sends the node's current parameters along with every load-options request.
	const additionalData = { ...buildAdditionalData(credentials), currentNodeParameters: parameters };
	return new LoadOptionsContext(
		buildWorkflow([node], {}),
		node,
		additionalData as IWorkflowExecuteAdditionalData,
		'parameters',
	);
}

export interface SingleNodeRun {
	type?: string;
	parameters: IDataObject;
	input?: IDataObject[];
	continueOnFail?: boolean | 'errorOutput';
	credentials?: WorkflowInput['credentials'];
}

/** The common case: one of our nodes, fed `input`, run on its own. */
export async function runNode({
	type = LEAD_NODE,
	parameters,
	input = [{}],
	continueOnFail,
	credentials,
}: SingleNodeRun) {
	const node: INode = {
		id: 'node-under-test',
		name: 'Node',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { leadSquaredApi: { id: '1', name: 'LeadSquared account' } },
		...(continueOnFail
			? {
					onError:
						continueOnFail === 'errorOutput' ? 'continueErrorOutput' : 'continueRegularOutput',
				}
			: {}),
	} as INode;
	const result = await runWorkflow({ nodes: [node], connections: {}, input, credentials });
	return { ...result, output: result.outputs('Node') };
}
