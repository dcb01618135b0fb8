/**
 * Drives the trigger nodes through the contexts n8n-core itself builds for them: HookContext for
 * webhook registration (activation, existence check, deactivation), WebhookContext for a call to
 * the webhook URL, PollContext for a poll. One Workflow object holds the static data across
 * calls, as an active workflow does in n8n.
 */
import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
	Workflow,
} from 'n8n-workflow';

import {
	buildAdditionalData,
	buildWorkflow,
	POLLING_TRIGGER_NODE,
	TRIGGER_NODE,
	type WorkflowInput,
} from './engine';
import { LeadSquaredPollingTrigger } from '../../nodes/LeadSquaredPollingTrigger/LeadSquaredPollingTrigger.node';
import { LeadSquaredTrigger } from '../../nodes/LeadSquaredTrigger/LeadSquaredTrigger.node';

export const WEBHOOK_BASE_URL = 'https://n8n.test/webhook';
const WEBHOOK_ID = '5f1c2d3e-0000-4000-8000-00000000beef';

export interface Delivery {
	headers?: Record<string, string>;
	body?: unknown;
	/** 'default' is the POST LeadSquared delivers to; 'setup' its HEAD check. */
	webhookName?: 'default' | 'setup';
}

export interface DeliveryResult {
	result: IWebhookResponseData;
	/** What the node wrote to the HTTP response itself, when it did (rejections). */
	sent?: { status: number; body: unknown };
}

function triggerNode(type: string, parameters: IDataObject): INode {
	return {
		id: 'trigger-under-test',
		name: 'Trigger',
		type,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: parameters as INode['parameters'],
		credentials: { leadSquaredApi: { id: '1', name: 'LeadSquared account' } },
	} as INode;
}

export class WebhookTriggerHarness {
	readonly nodeType = new LeadSquaredTrigger();
	readonly node: INode;
	readonly workflow: Workflow;

	constructor(
		parameters: IDataObject,
		private readonly credentials?: WorkflowInput['credentials'],
	) {
		this.node = triggerNode(TRIGGER_NODE, parameters);
		this.workflow = buildWorkflow([this.node], {});
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	get webhookUrl(): string {
		return new HookContext(
			this.workflow,
			this.node,
			this.additionalData(),
			'trigger',
			'activate',
			this.webhookData('default'),
		).getNodeWebhookUrl('default') as string;
	}

	/** What n8n does on activation: check, and create when the check says there is none. */
	async activate(): Promise<{ existed: boolean }> {
		const existed = await this.checkExists();
		if (!existed) await this.nodeType.webhookMethods.default.create.call(this.hookContext());
		return { existed };
	}

	async checkExists(): Promise<boolean> {
		return await this.nodeType.webhookMethods.default.checkExists.call(this.hookContext());
	}

	async deactivate(): Promise<boolean> {
		return await this.nodeType.webhookMethods.default.delete.call(this.hookContext());
	}

	async deliver({
		headers = {},
		body,
		webhookName = 'default',
	}: Delivery): Promise<DeliveryResult> {
		let sent: DeliveryResult['sent'];
		const response = {
			headersSent: false,
			status(code: number) {
				sent = { status: code, body: undefined };
				return response;
			},
			json(payload: unknown) {
				sent = { status: sent?.status ?? 200, body: payload };
				response.headersSent = true;
				return response;
			},
			end() {
				response.headersSent = true;
				return response;
			},
		};
		const request = {
			method: webhookName === 'setup' ? 'HEAD' : 'POST',
			headers: Object.fromEntries(
				Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]),
			),
			body,
			params: {},
			query: {},
		};
		const additionalData = {
			...this.additionalData(),
			httpRequest: request,
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(
			this.workflow,
			this.node,
			additionalData,
			'webhook',
			this.webhookData(webhookName),
			[],
			null,
		);
		const result = await this.nodeType.webhook.call(context);
		return { result, sent };
	}

	private hookContext(): HookContext {
		return new HookContext(
			this.workflow,
			this.node,
			this.additionalData(),
			'trigger',
			'activate',
			this.webhookData('default'),
		);
	}

	private additionalData(): IWorkflowExecuteAdditionalData {
		return {
			...buildAdditionalData(this.credentials),
			webhookBaseUrl: WEBHOOK_BASE_URL,
		} as IWorkflowExecuteAdditionalData;
	}

	private webhookData(name: string): IWebhookData {
		const webhookDescription = this.nodeType.description.webhooks?.find(
			(webhook) => webhook.name === name,
		) as IWebhookDescription;
		return {
			httpMethod: webhookDescription.httpMethod,
			node: this.node.name,
			path: `${WEBHOOK_ID}/webhook`,
			webhookDescription,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
			webhookId: WEBHOOK_ID,
		} as IWebhookData;
	}
}

export class PollingTriggerHarness {
	readonly nodeType = new LeadSquaredPollingTrigger();
	readonly node: INode;
	readonly workflow: Workflow;

	constructor(
		parameters: IDataObject,
		private readonly credentials?: WorkflowInput['credentials'],
	) {
		this.node = triggerNode(POLLING_TRIGGER_NODE, parameters);
		this.workflow = buildWorkflow([this.node], {});
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** One poll as an active workflow runs it ('trigger'), or the editor's Fetch Test Event ('manual'). */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[][] | null> {
		const context = new PollContext(
			this.workflow,
			this.node,
			buildAdditionalData(this.credentials),
			mode,
			mode === 'manual' ? 'manual' : 'activate',
		);
		return await (this.nodeType as INodeType).poll!.call(context);
	}
}
