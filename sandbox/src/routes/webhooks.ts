import { success } from '../shapes';
import { v2Routes, type Route, type SandboxContext } from './types';

const WEBHOOKS = '/v2/Webhook.svc';

export function webhookRoutes({ webhooks }: SandboxContext): Record<string, Route> {
	return v2Routes({
		[`POST ${WEBHOOKS}/Create`]: ({ body }) => success({ Id: webhooks.create(body) }),
		[`POST ${WEBHOOKS}/Retrieve`]: ({ body }) => webhooks.retrieve(body),
		[`POST ${WEBHOOKS}/Update`]: ({ body }) => {
			webhooks.update(body);
			return success({ AffectedRows: 1 });
		},
		[`GET ${WEBHOOKS}/Delete`]: ({ query }) => {
			webhooks.delete(query.get('webhookId') ?? query.get('WebhookId'));
			return success({ AffectedRows: 1 });
		},
	});
}
