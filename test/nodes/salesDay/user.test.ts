/** User > Get Many: active users only unless asked; Limit applied to Users.Get's single answer. */
import { runNode } from '../../harness/engine';
import { useNock } from '../../harness/http';
import { ADMIN, PRIYA, RAVI, replyUsers } from '../../harness/account';

useNock();

describe('User > Get Many', () => {
	it('outputs active users only by default', async () => {
		replyUsers();

		const { output, error } = await runNode({
			parameters: { resource: 'user', operation: 'getMany', returnAll: true },
		});

		expect(error).toBeUndefined();
		expect(output[0].map((item) => item.json.ID)).toEqual([ADMIN.ID, PRIYA.ID]);
	});

	it('includes deactivated users when asked, up to Limit', async () => {
		replyUsers();

		const { output } = await runNode({
			parameters: {
				resource: 'user',
				operation: 'getMany',
				limit: 3,
				options: { includeInactive: true },
			},
		});

		expect(output[0].map((item) => item.json.ID)).toEqual([ADMIN.ID, PRIYA.ID, RAVI.ID]);
		expect(output[0][2].json).toMatchObject({ StatusCode: 1, EmailAddress: RAVI.EmailAddress });
	});
});
