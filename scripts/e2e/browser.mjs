// The editor in a real browser: starts `n8n start` with the package and the sandbox credential,
// signs in with headless Chromium (Debian's package, driven by playwright-core), opens the
// example workflows, checks the icons load and the operations list shows, and that the field
// mapper lists the sandbox account's fields. Screenshots go to docs/images/ for the README.
//   usage: node scripts/e2e/browser.mjs [n8n version]   (default 2.41.1)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	DEMO_OWNER,
	PROJECT_ROOT,
	checklist,
	ensureBuilt,
	installN8n,
	packPackage,
	prepareUserFolder,
	setupOwner,
	startN8n,
	startSandbox,
	workflowFilesIn,
} from '../n8n/n8n.mjs';

const version = process.argv[2] ?? '2.41.1';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const imagesFolder = join(PROJECT_ROOT, 'docs', 'images');
const artefacts = join(PROJECT_ROOT, '.e2e-artifacts');

const { check, summary } = checklist();

if (!existsSync(CHROMIUM)) {
	console.error(
		`No Chromium at ${CHROMIUM}: scripts/e2e/run.sh installs Debian's chromium package.`,
	);
	process.exit(1);
}
ensureBuilt();
const { chromium } = await import('playwright-core');

console.log(`\n== n8n ${version} editor in Chromium`);
const install = installN8n(version);
const userFolder = mkdtempSync(join(tmpdir(), `lsq-browser-${version}-`));
const packFolder = mkdtempSync(join(tmpdir(), 'lsq-pack-'));
mkdirSync(imagesFolder, { recursive: true });
mkdirSync(artefacts, { recursive: true });
const sandbox = await startSandbox({ asyncDelayMs: 1500 });
let n8n;
let browser;
try {
	await prepareUserFolder(install, userFolder, {
		tarball: packPackage(packFolder),
		sandbox,
		workflowFiles: workflowFilesIn(join(PROJECT_ROOT, 'examples')),
	});
	n8n = await startN8n(install, userFolder, {
		port: 5688,
		logFile: join(artefacts, 'n8n-browser.log'),
	});
	await setupOwner(n8n.url, DEMO_OWNER);

	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
		],
	});
	const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
	const failedIcons = [];
	page.on('response', (response) => {
		if (/leadsquared.*\.svg/i.test(response.url()) && !response.ok())
			failedIcons.push(`${response.status()} ${response.url()}`);
	});

	await page.goto(`${n8n.url}/signin`);
	await page
		.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
		.first()
		.fill(DEMO_OWNER.email);
	await page.locator('input[type="password"]').first().fill(DEMO_OWNER.password);
	await page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
	check('signs in to the editor', true);

	// The capture-async example holds both nodes of the package.
	await page.goto(`${n8n.url}/workflow/lsqExampleCapAsy`);
	const canvasNodes = page.locator('[data-test-id="canvas-node"]');
	await canvasNodes.first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1500);
	const dismiss = page.locator('button:has-text("Got it"), [data-test-id="close-button"]');
	if (await dismiss.count())
		await dismiss
			.first()
			.click()
			.catch(() => {});
	await page.screenshot({ path: join(imagesFolder, 'workflow.png') });

	const icons = await page.evaluate(() =>
		[...document.querySelectorAll('[data-test-id="canvas-node"]')].map((node) => {
			const image = node.querySelector('img');
			return {
				name: node.getAttribute('data-node-name') ?? node.textContent?.trim().slice(0, 40),
				src: image?.getAttribute('src') ?? null,
				loaded: image ? image.complete && image.naturalWidth > 0 : false,
			};
		}),
	);
	const packageIcons = icons.filter((icon) => icon.src && /leadsquared/i.test(icon.src));
	check(
		'both nodes draw the LeadSquared icon (not the question mark)',
		packageIcons.length === 2 &&
			packageIcons.every((icon) => icon.loaded) &&
			failedIcons.length === 0,
		JSON.stringify({ icons, failedIcons }),
	);

	// Run it from the editor: both sign-ups are captured and leave the wait node by Succeeded.
	// The canvas pane lies over the button for pointer events; a DOM click is what a user's click does.
	await page.locator('[data-test-id="execute-workflow-button"]').first().dispatchEvent('click');
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline && sandbox.leads().length < 2) await page.waitForTimeout(500);
	await page.locator('[data-test-id="canvas-node"]:has-text("Captured")').first().waitFor();
	await page.waitForTimeout(4000);
	await page.screenshot({ path: join(imagesFolder, 'workflow-run.png') });
	const canvasText = await page
		.locator('#canvas, [data-test-id="canvas"], body')
		.first()
		.innerText();
	check(
		'Execute workflow in the editor captures both leads and routes them to Succeeded',
		sandbox.leads().length === 2 && /2 items/.test(canvasText),
		`${sandbox.leads().length} leads; ${canvasText.replace(/\s+/g, ' ').slice(0, 300)}`,
	);

	// The LeadSquared node's panel and its operations list.
	await page
		.locator(
			'[data-test-id="canvas-node"][data-node-name="Capture Lead (Async)"], [data-test-id="canvas-node"]:has-text("Capture Lead (Async)")',
		)
		.first()
		.dblclick();
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1000);
	await page.screenshot({ path: join(imagesFolder, 'node-panel.png') });
	await panel.locator('[data-test-id="parameter-input-operation"]').first().click();
	const optionList = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
	await optionList.first().waitFor({ timeout: 10_000 });
	const operations = (await optionList.allInnerTexts()).map((text) => text.split('\n')[0].trim());
	// The list fades in; a screenshot taken at once shows it half transparent over the fields.
	await page.waitForTimeout(800);
	await page.screenshot({ path: join(imagesFolder, 'operations.png') });
	const expected = [
		'Bulk Update',
		'Capture',
		'Capture (Async)',
		'Create or Update',
		'Delete',
		'Get',
		'Get Many by IDs',
		'Get Recently Modified',
		'Get Request Status',
		'Quick Search',
		'Search',
		'Update',
		'Update (Async)',
	];
	check(
		'the operations list shows all thirteen lead operations',
		expected.every((name) => operations.includes(name)),
		JSON.stringify(operations),
	);
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');

	// The field mapper of the upsert example, filled from the sandbox's LeadsMetaData.Get.
	await page.goto(`${n8n.url}/workflow/lsqExampleUpsert`);
	await canvasNodes.first().waitFor({ timeout: 60_000 });
	await page
		.locator('[data-test-id="canvas-node"]:has-text("Create or Update Lead")')
		.first()
		.dblclick();
	await panel.waitFor({ timeout: 30_000 });
	const mapperField = panel.locator('text=City (mx_City)');
	await mapperField.first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1000);
	await page.screenshot({ path: join(imagesFolder, 'field-mapper.png') });
	const panelText = await panel.innerText();
	check(
		'the field mapper lists the account fields by display name and schema name',
		['Email (EmailAddress)', 'First Name (FirstName)', 'City (mx_City)'].every((label) =>
			panelText.includes(label),
		),
		panelText.slice(0, 600),
	);
	check(
		'the mapper loaded the fields from the sandbox',
		(sandbox.stats().callsByPath['/v2/LeadManagement.svc/LeadsMetaData.Get'] ?? 0) > 0,
	);

	// The "after a webinar" example: the activity mapper lists the chosen type's own fields, read
	// from the sandbox's GetActivitySetting; then the whole workflow runs from the editor.
	await page.goto(`${n8n.url}/workflow/lsqExampleWebinar`);
	await canvasNodes.first().waitFor({ timeout: 60_000 });
	await page
		.locator('[data-test-id="canvas-node"]:has-text("Post Webinar Attended")')
		.first()
		.dblclick();
	await panel.waitFor({ timeout: 30_000 });
	await panel.locator('text=Minutes Attended (mx_Custom_2)').first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1000);
	await page.screenshot({ path: join(imagesFolder, 'activity-mapper.png') });
	const activityPanel = await panel.innerText();
	check(
		'the activity mapper shows the "Webinar attended" type\'s own fields from the account',
		['Webinar Name (mx_Custom_1)', 'Minutes Attended (mx_Custom_2)'].every((label) =>
			activityPanel.includes(label),
		) &&
			(sandbox.stats().callsByPath['/v2/ProspectActivity.svc/CustomActivity/GetActivitySetting'] ??
				0) > 0,
		activityPanel.slice(0, 600),
	);
	await page.keyboard.press('Escape');
	await page.waitForTimeout(500);
	await page.locator('[data-test-id="execute-workflow-button"]').first().dispatchEvent('click');
	const webinarDeadline = Date.now() + 90_000;
	const invitees = async () =>
		(await (await fetch(`${sandbox.url}/_sandbox/lists`)).json()).find(
			(list) => list.ListName === 'Webinar invitees',
		)?.Members.length ?? 0;
	while (Date.now() < webinarDeadline && (await invitees()) < 3) await page.waitForTimeout(500);
	await page.waitForTimeout(3000);
	await page.screenshot({ path: join(imagesFolder, 'webinar-workflow-run.png') });
	check(
		'Execute workflow runs "after a webinar" from the editor: three attendees end up on the list',
		(await invitees()) === 3,
		`${await invitees()} members`,
	);

	// The trigger example: its icon on the canvas, and n8n's test URL ("Execute workflow" waits
	// for a test event): the trigger registers a webhook for the test URL, a lead created in the
	// sandbox arrives through it, and the webhook is deleted again afterwards.
	await page.goto(`${n8n.url}/workflow/lsqExampleWelcom`);
	await canvasNodes.first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1500);
	const triggerIcon = await page.evaluate(() => {
		const node = [...document.querySelectorAll('[data-test-id="canvas-node"]')].find((candidate) =>
			candidate.textContent?.includes('New Lead in LeadSquared'),
		);
		const image = node?.querySelector('img');
		return {
			src: image?.getAttribute('src') ?? null,
			loaded: image ? image.complete && image.naturalWidth > 0 : false,
			text: node?.textContent ?? '',
		};
	});
	check(
		'the LeadSquared Trigger draws the LeadSquared icon on the canvas',
		/leadsquared/i.test(triggerIcon.src ?? '') && triggerIcon.loaded && failedIcons.length === 0,
		JSON.stringify(triggerIcon),
	);
	check(
		'the trigger\'s subtitle names the event ("Lead Created")',
		triggerIcon.text.includes('Lead Created'),
		triggerIcon.text,
	);
	await page.screenshot({ path: join(imagesFolder, 'trigger-workflow.png') });

	const registered = async () => await (await fetch(`${sandbox.url}/_sandbox/webhooks`)).json();
	await page.locator('[data-test-id="execute-workflow-button"]').first().dispatchEvent('click');
	let testHooks = [];
	for (const deadline = Date.now() + 30_000; Date.now() < deadline && testHooks.length === 0; ) {
		await page.waitForTimeout(500);
		testHooks = (await registered()).filter((hook) => hook.URL.includes('/webhook-test/'));
	}
	check(
		"Execute workflow registers a webhook for n8n's test URL",
		testHooks.length === 1,
		JSON.stringify(await registered()).slice(0, 400),
	);
	const created = await fetch(`${sandbox.url}/v2/LeadManagement.svc/Lead.Create`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-LSQ-AccessKey': sandbox.options.accessKey,
			'x-LSQ-SecretKey': sandbox.options.secretKey,
		},
		body: JSON.stringify([
			{ Attribute: 'FirstName', Value: 'Tess' },
			{ Attribute: 'EmailAddress', Value: 'tess.test-event@example.com' },
		]),
	});
	const testLeadId = (await created.json()).Message?.Id;
	const welcomes = async () =>
		(await (await fetch(`${sandbox.url}/_sandbox/activities`)).json()).filter(
			(activity) => activity.RelatedProspectId === testLeadId && activity.EventCode === 203,
		);
	for (
		const deadline = Date.now() + 30_000;
		Date.now() < deadline && (await welcomes()).length === 0;
	)
		await page.waitForTimeout(500);
	await page.waitForTimeout(2000);
	await page.screenshot({ path: join(imagesFolder, 'trigger-test-event.png') });
	check(
		'the test event runs the workflow in the editor: the new lead gets its welcome activity',
		(await welcomes()).length === 1,
		JSON.stringify(await welcomes()),
	);
	let leftOver = await registered();
	for (const deadline = Date.now() + 15_000; Date.now() < deadline && leftOver.length > 0; ) {
		await page.waitForTimeout(500);
		leftOver = await registered();
	}
	check(
		'after the test event the test webhook is deleted in LeadSquared',
		leftOver.length === 0,
		JSON.stringify(leftOver).slice(0, 400),
	);
} catch (error) {
	check('editor check', false, error instanceof Error ? error.stack : String(error));
	const pages = browser?.contexts().flatMap((context) => context.pages()) ?? [];
	if (pages[0]) await pages[0].screenshot({ path: join(artefacts, 'failure.png') }).catch(() => {});
	if (n8n) writeFileSync(join(artefacts, 'n8n-browser.log'), n8n.log());
} finally {
	await browser?.close();
	await n8n?.stop();
	await sandbox.close();
	rmSync(userFolder, { recursive: true, force: true });
	rmSync(packFolder, { recursive: true, force: true });
}

process.exit(summary('browser', ` (n8n ${version}; screenshots in docs/images/)`) ? 0 : 1);
