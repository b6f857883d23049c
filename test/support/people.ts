/** People who sign in through the web UI: invited through the API, with a password set. */
import type { Page } from 'playwright-core';
import type { TestRole, TestServer } from './test-server';

export interface Person {
  email: string;
  password: string;
  userId: string;
  name: string;
}

let invited = 0;

export async function createPerson(server: TestServer, role: TestRole, organisationId: string | null, name = `${role} person`): Promise<Person> {
  invited += 1;
  const email = `person-${invited}-${Date.now()}@ui.test`;
  const password = `correct horse ${invited} battery`;
  const invitation = await server.graphql<{ createUser: { user: { id: string }; passwordSetupToken: string } }, object>(
    'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } passwordSetupToken } }',
    { input: { email, name, role, organisationId } },
  );
  if (invitation.errors) throw new Error(`createUser failed: ${JSON.stringify(invitation.errors)}`);
  const set = await server.graphql(
    'mutation ($t: String!, $p: String!) { setPassword(token: $t, password: $p) { id } }',
    { t: invitation.data!.createUser.passwordSetupToken, p: password },
    { token: null },
  );
  if (set.errors) throw new Error(`setPassword failed: ${JSON.stringify(set.errors)}`);
  return { email, password, userId: invitation.data!.createUser.user.id, name };
}

/** Signs in on /sign-in as a person would (in whatever language the page is in) and waits for /app. */
export async function signInThroughUi(page: Page, person: Person, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.locator('input[type=email]').fill(person.email);
  await page.locator('input[type=password]').fill(person.password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
