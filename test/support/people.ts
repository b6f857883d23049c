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

/**
 * Signs in without the sign-in page, for tests about what comes after it: the GraphQL `login`
 * mutation, sent from the page's own browser context, sets the session cookie there (as the
 * sign-in page's request would); then the page opens `next` (default /app). Saves the page load
 * and the typing of the sign-in form; test/web/sign-in.browser.test.ts tests that form itself.
 */
export async function signInBySession(page: Page, person: Pick<Person, 'email' | 'password'>, next = '/app'): Promise<void> {
  const response = await page.request.post('/graphql', {
    data: {
      query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { id } } }',
      variables: { email: person.email, password: person.password },
    },
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (!response.ok() || body.errors) throw new Error(`login failed (${response.status()}): ${JSON.stringify(body.errors)}`);
  await page.goto(next);
}
