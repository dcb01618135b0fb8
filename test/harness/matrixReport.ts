import { appendFileSync } from 'node:fs';

/**
 * Rows for the reliability matrix in the README. `npm run matrix` sets LSQ_MATRIX_REPORT to a
 * file and prints the tables from it; in a plain `npm test` this does nothing. Rows are recorded
 * before a test asserts, so a failing case still shows up in the table as what it was.
 */
export function recordMatrixRow(
	table: 'secrets' | 'badInput' | 'faults' | 'stopOnFailure',
	row: Record<string, unknown>,
): void {
	const file = process.env.LSQ_MATRIX_REPORT;
	if (file) appendFileSync(file, `${JSON.stringify({ table, ...row })}\n`);
}
